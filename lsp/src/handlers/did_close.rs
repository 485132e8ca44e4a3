//! `textDocument/didClose`: forget the document and clear its diagnostics.

use tower_lsp::lsp_types::DidCloseTextDocumentParams;

use crate::server::Server;


pub async fn handle(server: &Server, params: DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    let pull = {
        let mut s = server.session();
        s.documents.remove(&uri);
        s.pull_diagnostics
    };
    crate::handlers::diagnostics::stop(server, &uri);
    if !pull {
        server.out.publish_diagnostics(uri, Vec::new(), None);
    }
}
