//! The routing table: `impl LanguageServer`, each method one line into its handler in [`crate::handlers`].

use std::sync::{Arc, Mutex, MutexGuard};

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use crate::handlers;
use crate::session::Session;

/// The server: the client handle and the shared session.
#[derive(Debug)]
pub struct Server {
    pub client: Client,
    /// Our own notifications (diagnostics), serialised without tower-lsp's JSON tree.
    pub out: crate::outgoing::Outgoing,
    pub session: Arc<Mutex<Session>>,
    /// The client can watch files for us (dynamic `workspace/didChangeWatchedFiles` registration).
    pub watch_files: std::sync::atomic::AtomicBool,
}

impl Server {
    pub fn new(client: Client, out: crate::outgoing::Outgoing, session: Arc<Mutex<Session>>) -> Self {
        Server { client, out, session, watch_files: Default::default() }
    }

    /// Locks the session. A poisoned lock (a panic while it was held) is recovered, not propagated.
    pub fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Server {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        handlers::initialize::handle(self, params)
    }

    async fn initialized(&self, _: InitializedParams) {
        handlers::initialize::initialized(self).await
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        handlers::did_open::handle(self, params).await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        handlers::did_change::handle(self, params).await
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        handlers::did_change_configuration::did_save(self, params).await
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        handlers::did_close::handle(self, params).await
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        handlers::did_change_configuration::handle(self, params).await
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        handlers::did_change_configuration::watched_files(self, params).await
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        handlers::diagnostics::pull(self, params).await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        handlers::hover::handle(self, params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        handlers::code_action::handle(self, params).await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        handlers::code_lens::handle(self, params).await
    }
}
