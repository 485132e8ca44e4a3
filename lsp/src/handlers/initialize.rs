//! `initialize` and `initialized`: capabilities, workspace root, settings, and the project file.

use std::path::PathBuf;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use crate::config::{self, ClientSettings};
use crate::server::Server;
use crate::session::tracing_log;

/// The code action kind of "apply every safe fix".
pub const FIX_ALL_KIND: &str = "source.fixAll.mpls";

pub fn handle(server: &Server, params: InitializeParams) -> Result<InitializeResult> {
    let root = workspace_root(&params);
    let pull = params.capabilities.text_document.as_ref().is_some_and(|t| t.diagnostic.is_some());
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    server.watch_files.store(watch, std::sync::atomic::Ordering::Relaxed);
    let client = match params.initialization_options.as_ref().map(ClientSettings::from_json) {
        Some(Ok(c)) => c,
        Some(Err(e)) => {
            tracing_log(&e);
            ClientSettings::default()
        }
        None => ClientSettings::default(),
    };
    {
        let mut s = server.session();
        s.project = root.as_ref().and_then(|r| match config::read_project(r) {
            Ok(p) => p,
            Err(e) => {
                tracing_log(&e);
                None
            }
        });
        s.root = root;
        s.client_settings = client;
        s.pull_diagnostics = pull;
        s.reconfigure();
    }
    let sync = TextDocumentSyncOptions {
        open_close: Some(true),
        change: Some(TextDocumentSyncKind::INCREMENTAL),
        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
        ..TextDocumentSyncOptions::default()
    };
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(sync)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::REFACTOR_REWRITE,
                CodeActionKind::from(FIX_ALL_KIND),
            ]),
            resolve_provider: Some(false),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(false) }),
        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some("mpls".to_string()),
            inter_file_dependencies: false,
            workspace_diagnostics: false,
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        ..ServerCapabilities::default()
    };
    Ok(InitializeResult {
        capabilities,
        server_info: Some(ServerInfo { name: "mpls".to_string(), version: Some(env!("CARGO_PKG_VERSION").to_string()) }),
    })
}

pub async fn initialized(server: &Server) {
    let warnings = server.session().config.warnings.clone();
    for w in warnings {
        server.client.log_message(MessageType::WARNING, format!("mpls: {w}")).await;
    }
    if server.watch_files.load(std::sync::atomic::Ordering::Relaxed) {
        // A new `mpbuild profile` result refreshes the code lenses (see handlers::code_lens).
        let watchers = vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String(format!("**/{}", crate::handlers::code_lens::PROFILE_FILE)),
            kind: None,
        }];
        let opts = DidChangeWatchedFilesRegistrationOptions { watchers };
        let reg = Registration {
            id: "mpls-profile-watch".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(opts).ok(),
        };
        if let Err(e) = server.client.register_capability(vec![reg]).await {
            tracing_log(&format!("cannot watch the profile file: {e}"));
        }
    }
}

fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    if let Some(f) = params.workspace_folders.as_ref().and_then(|f| f.first()) {
        if let Ok(p) = f.uri.to_file_path() {
            return Some(p);
        }
    }
    #[allow(deprecated)]
    params.root_uri.as_ref().and_then(|u| u.to_file_path().ok())
}
