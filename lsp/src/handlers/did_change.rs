//! `textDocument/didChange`: apply incremental (or full) edits in order, then re-analyse.
//!
//! The edits are applied before the handler's first `await`, so changes are applied in the order they
//! arrive even though the transport runs handlers concurrently.

use tower_lsp::lsp_types::DidChangeTextDocumentParams;

use crate::handlers::diagnostics;
use crate::server::Server;

pub async fn handle(server: &Server, params: DidChangeTextDocumentParams) {
    let uri = params.text_document.uri;
    {
        let mut s = server.session();
        let Some(doc) = s.documents.get_mut(&uri) else { return };
        for change in &params.content_changes {
            doc.apply(change);
        }
        doc.version = params.text_document.version;
        s.touch(&uri);
    }
    diagnostics::refresh(server, uri).await;
}
