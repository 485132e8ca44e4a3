//! `textDocument/didOpen`: start tracking the document and analyse it.

use tower_lsp::lsp_types::DidOpenTextDocumentParams;

use crate::handlers::diagnostics;
use crate::server::Server;
use crate::session::Document;

pub async fn handle(server: &Server, params: DidOpenTextDocumentParams) {
    let doc = params.text_document;
    server.session().documents.insert(doc.uri.clone(), Document::new(doc.text, doc.version));
    diagnostics::refresh(server, doc.uri).await;
}
