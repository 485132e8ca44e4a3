//! The server's state: open documents (text, version, line index, last analysis) and the configuration.
//!
//! Handlers lock the session briefly to read a snapshot or to apply an edit; analysis runs on a snapshot
//! outside the lock, and its result is kept only if the document has not changed meanwhile.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use mpy_vm::analysis::chunks::ChunkCache;
use mpy_vm::analysis::verdict::VerdictCache;
use mpy_vm::analysis::{self, Diagnostic, Fixes};
use mpy_vm::syntax::ast::Module;
use tower_lsp::lsp_types as lsp;

use crate::config::{ClientSettings, Config, ProjectFile};
use crate::convert::{self, LineIndex};

/// One open document.
#[derive(Debug)]
pub struct Document {
    pub text: Arc<str>,
    pub version: i32,
    pub index: Arc<LineIndex>,
    /// The analysis of this exact version, once computed.
    pub analysis: Option<Arc<Computed>>,
    /// The version whose diagnostics were last published (push mode).
    pub published: Option<i32>,
    /// When the document was last changed ([`Session::edit_clock`]); 0 when it never was.
    pub edited: u64,
}

/// How many of the most recently edited documents keep their syntax tree between analyses (for the
/// incremental parse of the next edit). The others keep text and diagnostics only: a tree is about 45
/// bytes per byte of source, and a project may have many files open that are never edited.
pub const KEEP_TREES: usize = 4;

/// An analysis of one version of a document, in both forms: `mpy_vm`'s (byte ranges) and LSP's.
#[derive(Debug)]
pub struct Computed {
    pub version: i32,
    pub text: Arc<str>,
    pub index: Arc<LineIndex>,
    pub diagnostics: Vec<Diagnostic>,
    /// The parsed module: shared with the document's chunk cache while the document is being edited (one
    /// tree per document), else parsed again when a request needs it (see [`Computed::module`]).
    tree: OnceLock<Arc<Module>>,
    /// The compiler's diagnostics are included (not only the fast parse error and rules).
    pub compiled: bool,
    /// The compiler's diagnostics are the provisional verdict (see `analysis::verdict`), not yet confirmed by
    /// the whole-file compile.
    pub provisional: bool,
    /// The configuration it was computed with (a result for an older configuration is not kept).
    pub config: Arc<Config>,
    /// `diagnostics` with their fixes, built when a code action first asks (the fast analysis publishes
    /// diagnostics without fixes: see `analysis::Fixes`). Set from the start when `diagnostics` have them.
    fixed: OnceLock<Arc<Vec<Diagnostic>>>,
}

impl Computed {
    fn new(s: &Snapshot, diagnostics: Vec<Diagnostic>, module: Option<Arc<Module>>, compiled: bool, fixes: Fixes) -> Computed {
        let tree = OnceLock::new();
        if let Some(m) = module {
            let _ = tree.set(m);
        }
        let fixed = OnceLock::new();
        if fixes == Fixes::Build {
            let _ = fixed.set(Arc::new(diagnostics.clone()));
        }
        Computed {
            version: s.version,
            text: s.text.clone(),
            index: s.index.clone(),
            diagnostics,
            tree,
            compiled,
            provisional: false,
            config: s.config.clone(),
            fixed,
        }
    }

    /// The diagnostics with their fixes (for code actions): the same diagnostics as `diagnostics`, whose rule
    /// diagnostics are built again with fixes over this version's tree the first time they are asked for.
    pub fn with_fixes(&self, uri: &lsp::Url) -> Arc<Vec<Diagnostic>> {
        self.fixed
            .get_or_init(|| {
                let settings = &self.config.settings;
                let mut out: Vec<Diagnostic> = self.diagnostics.iter().filter(|d| d.rule().is_none()).cloned().collect();
                let module = self.module();
                out.extend(
                    catch("building fixes", uri, || analysis::rule_diagnostics_with(&self.text, &module, settings, Fixes::Build))
                        .unwrap_or_default(),
                );
                Arc::new(out)
            })
            .clone()
    }

    /// The parsed module of this version (parsed with recovery now if it was not kept).
    pub fn module(&self) -> Arc<Module> {
        self.tree.get_or_init(|| Arc::new(analysis::recover::parse_recovering(&self.text).module)).clone()
    }

    /// The diagnostics as LSP sends them (built when published or pulled, not kept).
    pub fn lsp_diagnostics(&self) -> Vec<lsp::Diagnostic> {
        self.diagnostics.iter().map(|d| convert::diagnostic(&self.index, &self.text, d)).collect()
    }

    /// The compiler's diagnostics of this version.
    pub fn compile_diagnostics(&self) -> Vec<Diagnostic> {
        self.diagnostics.iter().filter(|d| d.rule().is_none()).cloned().collect()
    }

    /// This analysis with its compiler diagnostics replaced by `compile` (the exact, whole-file ones).
    pub fn with_compile(&self, compile: Vec<Diagnostic>) -> Computed {
        // Fixes already built for the rule diagnostics carry over.
        let fixed = OnceLock::new();
        if let Some(f) = self.fixed.get() {
            let _ = fixed.set(Arc::new(compile.iter().cloned().chain(f.iter().filter(|d| d.rule().is_some()).cloned()).collect()));
        }
        let mut diagnostics = compile;
        diagnostics.extend(self.diagnostics.iter().filter(|d| d.rule().is_some()).cloned());
        Computed {
            version: self.version,
            text: self.text.clone(),
            index: self.index.clone(),
            diagnostics,
            tree: self.tree.clone(),
            compiled: true,
            provisional: false,
            config: self.config.clone(),
            fixed,
        }
    }
}

/// What an analysis needs, taken from the session under its lock.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub uri: lsp::Url,
    pub text: Arc<str>,
    pub version: i32,
    pub index: Arc<LineIndex>,
    pub config: Arc<Config>,
    /// The document is among the [`KEEP_TREES`] most recently edited: keep its tree for the next edit.
    pub keep_tree: bool,
}

impl Document {
    pub fn new(text: String, version: i32) -> Self {
        let index = Arc::new(LineIndex::new(&text));
        Document { text: text.into(), version, index, analysis: None, published: None, edited: 0 }
    }

    /// Applies one content change (a range edit, or the whole text when `range` is absent). Ranges are
    /// clamped to the text, so no change can fail.
    pub fn apply(&mut self, change: &lsp::TextDocumentContentChangeEvent) {
        let new = match change.range {
            None => change.text.clone(),
            Some(r) => {
                let tr = self.index.text_range(&self.text, r);
                let mut s = String::with_capacity(self.text.len() + change.text.len());
                s.push_str(&self.text[..tr.start as usize]);
                s.push_str(&change.text);
                s.push_str(&self.text[tr.end as usize..]);
                s
            }
        };
        self.index = Arc::new(LineIndex::new(&new));
        self.text = new.into();
        self.analysis = None;
        self.published = None;
    }
}

/// The whole server state.
#[derive(Debug, Default)]
pub struct Session {
    pub documents: HashMap<lsp::Url, Document>,
    pub config: Arc<Config>,
    pub root: Option<PathBuf>,
    pub project: Option<ProjectFile>,
    pub client_settings: ClientSettings,
    /// The client pulls diagnostics (`textDocument/diagnostic`), so we do not push them.
    pub pull_diagnostics: bool,
    /// The analysis worker of each open document (push mode), woken after every change.
    pub workers: HashMap<lsp::Url, Arc<tokio::sync::Notify>>,
    /// Counts document changes (orders documents by their last edit).
    pub edit_clock: u64,
}

impl Session {
    pub fn snapshot(&self, uri: &lsp::Url) -> Option<Snapshot> {
        let d = self.documents.get(uri)?;
        let newer = self.documents.values().filter(|o| o.edited > d.edited).count();
        Some(Snapshot {
            uri: uri.clone(),
            text: d.text.clone(),
            version: d.version,
            index: d.index.clone(),
            config: self.config.clone(),
            keep_tree: d.edited > 0 && newer < KEEP_TREES,
        })
    }

    /// Notes that a document changed (it now keeps its tree; the least recently edited beyond
    /// [`KEEP_TREES`] lose theirs at their next analysis).
    pub fn touch(&mut self, uri: &lsp::Url) {
        self.edit_clock += 1;
        let clock = self.edit_clock;
        if let Some(d) = self.documents.get_mut(uri) {
            d.edited = clock;
        }
    }

    /// Recomputes the configuration from the project file and the client's settings.
    pub fn reconfigure(&mut self) {
        self.config = Arc::new(crate::config::resolve(self.project.as_ref(), &self.client_settings));
        for d in self.documents.values_mut() {
            d.analysis = None;
            d.published = None;
        }
    }

    /// Keeps `computed` if it is for the document's current version and the current configuration.
    pub fn store(&mut self, uri: &lsp::Url, computed: &Arc<Computed>) -> bool {
        if !Arc::ptr_eq(&self.config, &computed.config) {
            return false;
        }
        match self.documents.get_mut(uri) {
            Some(d) if d.version == computed.version && Arc::ptr_eq(&d.text, &computed.text) => {
                d.analysis = Some(computed.clone());
                true
            }
            _ => false,
        }
    }
}

fn catch<T>(what: &str, uri: &lsp::Url, f: impl FnOnce() -> T) -> Option<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(v) => Some(v),
        Err(_) => {
            tracing_log(&format!("{what} panicked on {uri}"));
            None
        }
    }
}

/// Analyses a snapshot completely (whole-file parse, compiler, rules). Never panics: a panic inside the
/// analysis is caught, logged, and turned into an empty result, so one bad input cannot take the server
/// down.
pub fn compute(s: &Snapshot) -> Computed {
    let settings = &s.config.settings;
    match catch("analysis", &s.uri, || analysis::analyze(&s.text, settings)) {
        Some(a) => Computed::new(s, a.diagnostics, s.keep_tree.then_some(a.module), true, Fixes::Build),
        None => Computed::new(s, Vec::new(), None, true, Fixes::Build),
    }
}

/// The fast analysis of a snapshot: chunk-cached parse and rules, no compiler. The previous version's
/// compiler diagnostics (`previous`) are kept where the text they point at is unchanged, so they do not
/// blink while the compiler runs again. A document that is not being edited (`keep_tree` false) keeps no
/// tree: the cache is emptied and the analysis has no module (requests parse again).
pub fn compute_fast(
    s: &Snapshot,
    cache: &mut ChunkCache,
    previous: Option<&(Arc<str>, Vec<Diagnostic>)>,
    verdicts: Option<&std::sync::Mutex<VerdictCache>>,
) -> Computed {
    let settings = &s.config.settings;
    let Some(a) = catch("analysis", &s.uri, || analysis::analyze_incremental(&s.text, settings, cache, Fixes::Skip)) else {
        *cache = ChunkCache::default();
        return Computed::new(s, Vec::new(), None, false, Fixes::Skip);
    };
    // The chunks just parsed, for the provisional verdict (not split again).
    let chunks = cache.ranges();
    let module = if s.keep_tree {
        Some(a.module)
    } else {
        *cache = ChunkCache::default();
        None
    };
    let mut diagnostics = a.diagnostics;
    let parse_error = diagnostics.iter().any(|d| d.rule().is_none());
    if parse_error {
        return Computed::new(s, diagnostics, module, false, Fixes::Skip);
    }
    // The compiler's verdict from the cached verdicts of the unchanged top-level statements and a compile of
    // the edited one (provisional: the whole-file compile follows and wins where they differ).
    if let Some(verdict) = verdicts.and_then(|v| provisional_verdict(s, &chunks, v)) {
        diagnostics.splice(0..0, verdict);
        let mut c = Computed::new(s, diagnostics, module, false, Fixes::Skip);
        c.provisional = true;
        return c;
    }
    if let Some((old_text, old)) = previous {
        let same = |d: &&Diagnostic| {
            let r = d.range.start as usize..d.range.end as usize;
            old_text.get(r.clone()).is_some_and(|t| s.text.get(r) == Some(t))
        };
        let kept: Vec<Diagnostic> = old.iter().filter(same).cloned().collect();
        diagnostics.splice(0..0, kept);
    }
    Computed::new(s, diagnostics, module, false, Fixes::Skip)
}

/// How many bytes of edited top-level statements the fast analysis compiles for a provisional verdict.
const PROVISIONAL_BUDGET: usize = 4096;

/// The provisional compiler diagnostics of a snapshot, when the verdict cache can tell them cheaply (and is
/// not being filled by the compiler thread right now).
fn provisional_verdict(s: &Snapshot, chunks: &[(usize, usize)], verdicts: &std::sync::Mutex<VerdictCache>) -> Option<Vec<Diagnostic>> {
    let settings = &s.config.settings;
    if !settings.compile_diagnostics {
        return None;
    }
    let mut cache = verdicts.try_lock().ok()?;
    let Some(verdict) = catch("compiler", &s.uri, || cache.provisional(&s.text, chunks, &settings.compile, PROVISIONAL_BUDGET)) else {
        *cache = VerdictCache::default();
        return None;
    };
    let verdict = verdict?;
    Some(verdict.map(|e| analysis::compile_diagnostic(&s.text, &e)).into_iter().collect())
}

/// Fills a document's verdict cache with every top-level statement of the snapshot (on the compiler thread,
/// after the whole-file compile), so that the next edit's fast analysis can give the verdict.
pub fn fill_verdicts(s: &Snapshot, verdicts: &std::sync::Mutex<VerdictCache>) {
    let settings = &s.config.settings;
    if !settings.compile_diagnostics {
        return;
    }
    // The cache is locked only to list the statements to compile and to add their verdicts, not while
    // they compile: the fast analysis of the next edit uses it meanwhile.
    let Some(jobs) = verdicts.lock().ok().map(|mut c| c.to_fill(&s.text, &settings.compile)) else { return };
    if jobs.is_empty() {
        return;
    }
    let Some(done) = catch("compiler", &s.uri, || analysis::verdict::compile_all(jobs)) else { return };
    if let Ok(mut c) = verdicts.lock() {
        c.add(done);
    }
}

/// The compiler's diagnostics for a snapshot (never panics).
pub fn compute_compile(s: &Snapshot) -> Vec<Diagnostic> {
    let settings = &s.config.settings;
    catch("compiler", &s.uri, || analysis::compile_diagnostics(&s.text, settings)).unwrap_or_default()
}

/// Logs one line to stderr (stdout is the protocol).
pub fn tracing_log(msg: &str) {
    eprintln!("mpls: {msg}");
}
