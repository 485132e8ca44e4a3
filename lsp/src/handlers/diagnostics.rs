//! Diagnostics, pushed (`textDocument/publishDiagnostics` after every change) or pulled
//! (`textDocument/diagnostic`, when the client says it supports it; then nothing is pushed).

use std::sync::{Arc, Mutex};

use tokio::sync::Notify;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use crate::outgoing::Outgoing;

use crate::server::Server;
use mpy_vm::analysis::chunks::ChunkCache;
use mpy_vm::analysis::verdict::VerdictCache;

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
                tokio::spawn(worker(server.out.clone(), server.session.clone(), uri.clone(), n.clone()));
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

/// The compiler diagnostics last computed, with the text they are for (carried over by the fast analysis).
type LastCompile = Arc<(Arc<str>, Vec<mpy_vm::analysis::Diagnostic>)>;

/// What the phase-1 worker hands the compile task: the latest snapshot whose fast analysis was published,
/// the wake-up, and (back) the compiler diagnostics last computed.
#[derive(Default)]
struct CompileSlot {
    /// The snapshot, and whether its fast analysis had the provisional verdict.
    next: Mutex<Option<(Snapshot, bool)>>,
    wake: Notify,
    done: Mutex<Option<LastCompile>>,
}

fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

async fn worker(out: Outgoing, session: Arc<Mutex<Session>>, uri: Url, notify: Arc<Notify>) {
    let lock = || locked(&session);
    // The chunk cache lives in this task: moved to the blocking pool for an analysis and back. It shares
    // the parsed module with the published analysis, and takes it back at the next edit.
    let mut cache = Some(ChunkCache::default());
    let mut last_compile: Option<LastCompile> = None;
    let compile_slot = Arc::new(CompileSlot::default());
    // Verdicts of the document's top-level statements: filled by the compile task, read by the fast analysis.
    let verdicts = Arc::new(Mutex::new(VerdictCache::default()));
    let stop = Arc::new(Notify::new());
    tokio::spawn(compile_worker(out.clone(), session.clone(), uri.clone(), compile_slot.clone(), verdicts.clone(), stop.clone()));
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
            // An edit of a document whose tree is cached costs the edited statement's parse and the rules:
            // done here, without handing the work to another thread (on a busy machine every hand-over
            // waits for the scheduler, which is most of the latency).
            None if cache.as_ref().is_some_and(|c| !c.is_empty()) && snapshot.text.len() <= INLINE_MAX_BYTES => {
                let c = cache.get_or_insert_with(ChunkCache::default);
                Arc::new(session::compute_fast(&snapshot, c, last_compile.as_deref(), Some(&verdicts)))
            }
            // A first (whole) parse, or a big file: on the blocking pool.
            None => {
                let mut c = cache.take().unwrap_or_default();
                let snap = snapshot.clone();
                let prev = last_compile.clone();
                let v = verdicts.clone();
                let job = tokio::task::spawn_blocking(move || {
                    let r = session::compute_fast(&snap, &mut c, prev.as_deref(), Some(&v));
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
        if !publish_if_current(&out, &lock, &uri, &computed, None).await {
            continue;
        }
        if computed.compiled {
            last_compile = Some(Arc::new((computed.text.clone(), computed.compile_diagnostics())));
            continue;
        }
        // Phase 2 runs in its own task, so the next edit's fast diagnostics never wait for the compiler.
        // It gets the snapshot only: the analysis stays with the session, so that the next edit can take
        // the parsed module back without copying it.
        locked(&compile_slot.next).replace((snapshot, computed.provisional));
        compile_slot.wake.notify_one();
        if let Some(done) = locked(&compile_slot.done).take() {
            last_compile = Some(done);
        }
    }
}

/// How long the text must stay unchanged before the whole-file compile confirms a provisional verdict.
const CONFIRM_AFTER: std::time::Duration = std::time::Duration::from_millis(250);

/// The largest document analysed on the protocol's own thread when its tree is cached (the rules run over
/// the whole module: about 1 ms per 1,000 lines); bigger ones go to the blocking pool.
const INLINE_MAX_BYTES: usize = 128 * 1024;

/// Phase 2: runs the compiler on the latest snapshot handed over and, if the document still has that
/// version's fast analysis, publishes it completed with the exact compiler diagnostics (when they change
/// anything). Without a provisional verdict it starts as soon as the fast diagnostics are out; with one,
/// once the text has been still for [`CONFIRM_AFTER`]. Hand-overs that arrive while it runs are coalesced,
/// so a burst of edits costs one compile per round, of the latest text.
async fn compile_worker(
    out: Outgoing,
    session: Arc<Mutex<Session>>,
    uri: Url,
    slot: Arc<CompileSlot>,
    verdicts: Arc<Mutex<VerdictCache>>,
    stop: Arc<Notify>,
) {
    let lock = || locked(&session);
    // The document has moved past this version (its fast analysis is gone).
    let moved_on = |version: i32| lock().documents.get(&uri).is_none_or(|d| d.version != version);
    loop {
        let next = locked(&slot.next).take();
        let Some((snapshot, provisional)) = next else {
            tokio::select! {
                _ = slot.wake.notified() => continue,
                _ = stop.notified() => return,
            }
        };
        if moved_on(snapshot.version) {
            continue;
        }
        // When the fast analysis already had the verdict, the whole-file compile only confirms it: it waits
        // until the text has been still for a moment, so that typing does not cost a whole-file compile per
        // keystroke (a newer version restarts the wait).
        if provisional {
            tokio::select! {
                _ = tokio::time::sleep(CONFIRM_AFTER) => {}
                _ = slot.wake.notified() => continue,
                _ = stop.notified() => return,
            }
            if moved_on(snapshot.version) {
                continue;
            }
        }
        let snap = snapshot.clone();
        let Some(compile) = crate::compile_thread::run(move || session::compute_compile(&snap)).await else { continue };
        *locked(&slot.done) = Some(Arc::new((snapshot.text.clone(), compile.clone())));
        let current = {
            let s = lock();
            s.documents
                .get(&uri)
                .and_then(|d| d.analysis.clone())
                .filter(|c| !c.compiled && c.version == snapshot.version && Arc::ptr_eq(&c.text, &snapshot.text))
        };
        if let Some(before) = current {
            let full = Arc::new(before.with_compile(compile));
            publish_if_current(&out, &lock, &uri, &full, Some(&before)).await;
        }
        // Then the verdicts of the statements not cached yet: a whole-file compile's worth of work once per
        // document, then the statements edited since. Also when the document has moved on: without the cache
        // the next edits would have no provisional verdict, and each would cost a whole-file compile.
        let v = verdicts.clone();
        let snap = snapshot.clone();
        crate::compile_thread::run(move || session::fill_verdicts(&snap, &v)).await;
    }
}

/// Stores `computed` and publishes it if it is still the document's current version (and, when `before`
/// was already published, only if the diagnostics differ). Returns false when the document moved on.
async fn publish_if_current<'a>(
    out: &Outgoing,
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
    out.publish_diagnostics(uri.clone(), computed.lsp_diagnostics(), Some(computed.version));
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
