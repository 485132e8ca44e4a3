//! Diagnostics, pushed (`textDocument/publishDiagnostics` after every change) or pulled
//! (`textDocument/diagnostic`, when the client says it supports it; then nothing is pushed).

use std::sync::{Arc, Mutex};

use tokio::sync::Notify;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::Client;

use crate::server::Server;
use mpy_vm::analysis::chunks::ChunkCache;

use crate::session::{self, Computed, Session, Snapshot};

/// Analyses `snapshot` on the blocking pool (analysis is CPU work and must not stall the protocol).
pub async fn compute(snapshot: Snapshot) -> Option<Arc<Computed>> {
    tokio::task::spawn_blocking(move || Arc::new(session::compute(&snapshot))).await.ok()
}

/// The analysis of the document's current version: cached, or computed now.
pub async fn current(server: &Server, uri: &Url) -> Option<Arc<Computed>> {
    let snapshot = {
        let s = server.session();
        let doc = s.documents.get(uri)?;
        if let Some(a) = &doc.analysis {
            return Some(a.clone());
        }
        s.snapshot(uri)?
    };
    let computed = compute(snapshot).await?;
    server.session().store(uri, &computed);
    Some(computed)
}

/// Asks for a document to be re-analysed and, in push mode, its diagnostics published.
///
/// Each open document has one worker task. Edits only wake it, so `didChange` returns at once and the
/// protocol never waits for an analysis; the worker always analyses the latest text, so a burst of edits
/// costs one analysis per worker round, not one per edit.
pub async fn refresh(server: &Server, uri: Url) {
    let notify = {
        let mut s = server.session();
        if s.pull_diagnostics || !s.documents.contains_key(&uri) {
            return;
        }
        match s.workers.get(&uri) {
            Some(n) => n.clone(),
            None => {
                let n = Arc::new(Notify::new());
                s.workers.insert(uri.clone(), n.clone());
                tokio::spawn(worker(server.client.clone(), server.session.clone(), uri.clone(), n.clone()));
                n
            }
        }
    };
    notify.notify_one();
}

/// Stops a document's worker (after `didClose`).
pub fn stop(server: &Server, uri: &Url) {
    if let Some(n) = server.session().workers.remove(uri) {
        n.notify_one();
    }
}

async fn worker(client: Client, session: Arc<Mutex<Session>>, uri: Url, notify: Arc<Notify>) {
    let lock = || session.lock().unwrap_or_else(|p| p.into_inner());
    // The chunk cache lives in this task: moved to the blocking pool for an analysis and back.
    let mut cache = Some(ChunkCache::default());
    // The last compiler diagnostics and the text they were computed for.
    let mut last_compile: Option<Arc<(Arc<str>, Vec<mpy_vm::analysis::Diagnostic>)>> = None;
    let compile_slot: CompileSlot = Arc::new((Mutex::new(None), Notify::new(), Mutex::new(None)));
    let stop = Arc::new(Notify::new());
    tokio::spawn(compile_worker(client.clone(), session.clone(), uri.clone(), compile_slot.clone(), stop.clone()));
    let _stop_on_exit = StopOnDrop(stop);
    loop {
        notify.notified().await;
        let (snapshot, cached) = {
            let s = lock();
            if !s.workers.get(&uri).is_some_and(|n| Arc::ptr_eq(n, &notify)) {
                return;
            }
            let Some(doc) = s.documents.get(&uri) else { return };
            if doc.published == Some(doc.version) {
                continue;
            }
            let Some(snap) = s.snapshot(&uri) else { return };
            (snap, doc.analysis.clone())
        };
        // Phase 1: the fast analysis (or one a request already made for this version).
        let computed = match cached {
            Some(c) => c,
            None => {
                let mut c = cache.take().unwrap_or_default();
                let snap = snapshot.clone();
                let prev = last_compile.clone();
                let job = tokio::task::spawn_blocking(move || {
                    let r = session::compute_fast(&snap, &mut c, prev.as_deref());
                    (r, c)
                });
                match job.await {
                    Ok((r, c)) => {
                        cache = Some(c);
                        Arc::new(r)
                    }
                    Err(_) => continue,
                }
            }
        };
        if !publish_if_current(&client, &lock, &uri, &computed, None).await {
            continue;
        }
        if computed.compiled {
            last_compile = Some(Arc::new((computed.text.clone(), computed.compile_diagnostics())));
            continue;
        }
        // Phase 2 runs in its own task, so the next edit's fast diagnostics never wait for the compiler.
        compile_slot.0.lock().unwrap_or_else(|p| p.into_inner()).replace((snapshot, computed));
        compile_slot.1.notify_one();
        if let Some(done) = compile_slot.2.lock().unwrap_or_else(|p| p.into_inner()).take() {
            last_compile = Some(done);
        }
    }
}

/// How long the text must be still before the compiler runs.
const COMPILE_DEBOUNCE: std::time::Duration = std::time::Duration::from_millis(150);

/// What the phase-1 worker hands the compile task: the latest fast analysis to complete; the wake-up; and
/// the compiler diagnostics last computed (for carrying over).
type CompileSlot = Arc<(
    Mutex<Option<(Snapshot, Arc<Computed>)>>,
    Notify,
    Mutex<Option<Arc<(Arc<str>, Vec<mpy_vm::analysis::Diagnostic>)>>>,
)>;

/// Phase 2: runs the compiler on the latest fast analysis handed over, and publishes again if the exact
/// compiler diagnostics change anything. Older hand-overs are dropped unseen (coalescing bursts).
async fn compile_worker(client: Client, session: Arc<Mutex<Session>>, uri: Url, slot: CompileSlot, stop: Arc<Notify>) {
    let lock = || session.lock().unwrap_or_else(|p| p.into_inner());
    loop {
        tokio::select! {
            _ = slot.1.notified() => {}
            _ = stop.notified() => return,
        }
        // Debounce: while edits keep coming, the compiler waits (the fast diagnostics keep flowing); it
        // runs once the text has been still for a moment.
        loop {
            tokio::select! {
                _ = slot.1.notified() => continue,
                _ = stop.notified() => return,
                _ = tokio::time::sleep(COMPILE_DEBOUNCE) => break,
            }
        }
        let Some((snapshot, computed)) = slot.0.lock().unwrap_or_else(|p| p.into_inner()).take() else { continue };
        let snap = snapshot.clone();
        let Ok(compile) = tokio::task::spawn_blocking(move || session::compute_compile(&snap)).await else { continue };
        let full = Arc::new(computed.with_compile(&snapshot, compile));
        *slot.2.lock().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new((full.text.clone(), full.compile_diagnostics())));
        publish_if_current(&client, &lock, &uri, &full, Some(&computed)).await;
    }
}

/// Stores `computed` and publishes it if it is still the document's current version (and, when `before`
/// was already published, only if the diagnostics differ). Returns false when the document moved on.
async fn publish_if_current<'a>(
    client: &Client,
    lock: &impl Fn() -> std::sync::MutexGuard<'a, Session>,
    uri: &Url,
    computed: &Arc<Computed>,
    before: Option<&Arc<Computed>>,
) -> bool {
    {
        let mut s = lock();
        if !s.store(uri, computed) {
            return false;
        }
        if let Some(d) = s.documents.get_mut(uri) {
            d.published = Some(computed.version);
        }
    }
    if before.is_some_and(|b| b.diagnostics == computed.diagnostics) {
        return true;
    }
    client.publish_diagnostics(uri.clone(), computed.lsp_diagnostics(), Some(computed.version)).await;
    true
}

/// `textDocument/diagnostic`.
pub async fn pull(server: &Server, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
    let uri = params.text_document.uri;
    let items = match current(server, &uri).await {
        Some(c) => c.lsp_diagnostics(),
        None => Vec::new(),
    };
    Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
        related_documents: None,
        full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: None, items },
    })))
}

/// Stops the compile task when the document's worker ends.
struct StopOnDrop(Arc<Notify>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.notify_one();
    }
}
