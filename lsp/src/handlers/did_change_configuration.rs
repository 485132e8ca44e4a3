//! `workspace/didChangeConfiguration`, and changes to `mpbuild.toml` (saved in the editor or seen by the
//! client's file watcher): rebuild the configuration and re-analyse every open document.

use tower_lsp::lsp_types::*;

use crate::config::{self, ClientSettings, PROJECT_FILE};
use crate::handlers::diagnostics;
use crate::server::Server;
use crate::session::tracing_log;

pub async fn handle(server: &Server, params: DidChangeConfigurationParams) {
    match ClientSettings::from_json(&params.settings) {
        Ok(c) => {
            let mut s = server.session();
            s.client_settings = c;
            s.reconfigure();
        }
        Err(e) => {
            server.client.log_message(MessageType::WARNING, format!("mpls: {e}")).await;
            return;
        }
    }
    after_reconfigure(server).await;
}

pub async fn did_save(server: &Server, params: DidSaveTextDocumentParams) {
    if is_project_file(&params.text_document.uri) {
        reload_project(server).await;
    }
}

pub async fn watched_files(server: &Server, params: DidChangeWatchedFilesParams) {
    if params.changes.iter().any(|c| crate::handlers::code_lens::is_profile(&c.uri)) {
        // The lenses read the profile again by modification time; ask the client to ask for them.
        let _ = server.client.code_lens_refresh().await;
    }
    if params.changes.iter().any(|c| is_project_file(&c.uri)) {
        reload_project(server).await;
    }
}

fn is_project_file(uri: &Url) -> bool {
    uri.path().rsplit('/').next() == Some(PROJECT_FILE)
}

async fn reload_project(server: &Server) {
    {
        let mut s = server.session();
        if let Some(root) = s.root.clone() {
            s.project = match config::read_project(&root) {
                Ok(p) => p,
                Err(e) => {
                    tracing_log(&e);
                    s.project.take()
                }
            };
        }
        s.reconfigure();
    }
    after_reconfigure(server).await;
}

async fn after_reconfigure(server: &Server) {
    let (uris, pull, warnings) = {
        let s = server.session();
        (s.documents.keys().cloned().collect::<Vec<_>>(), s.pull_diagnostics, s.config.warnings.clone())
    };
    for w in warnings {
        server.client.log_message(MessageType::WARNING, format!("mpls: {w}")).await;
    }
    if pull {
        let _ = server.client.workspace_diagnostic_refresh().await;
    }
    for uri in uris {
        diagnostics::refresh(server, uri).await;
    }
}
