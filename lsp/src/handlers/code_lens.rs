//! `textDocument/codeLens`: the last profile (`mpbuild profile`, stored in `.mpbuild/profile.json` of the
//! project) shown on each profiled function's `def` line ("12.3 ms self, 41 % · 20 calls · 50.0 ms total").
//!
//! The profile file is found from the document's directory upwards and read again whenever its
//! modification time changes, so a new profile shows at the next request (`workspace/didChangeWatchedFiles`
//! for it also asks the client to refresh its lenses). Functions are found by qualified name
//! (`Sensor.read`) in the document's current text on every request, so the lenses follow edits; several
//! definitions with one name are paired with the profile's entries in source order.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use mpy_vm::syntax::ast::{Stmt, StmtKind};
use serde::Deserialize;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use crate::handlers::diagnostics;
use crate::server::Server;

/// Where `mpbuild profile` stores the profile, relative to the project root.
pub const PROFILE_FILE: &str = ".mpbuild/profile.json";

/// The part of the stored profile the lenses use.
#[derive(Clone, Debug, Deserialize)]
pub struct StoredProfile {
    pub functions: Vec<StoredFunction>,
}

/// One function of the stored profile.
#[derive(Clone, Debug, Deserialize)]
pub struct StoredFunction {
    pub file: String,
    pub qualified_name: String,
    pub line: u32,
    pub kind: String,
    pub calls: u64,
    pub self_us: f64,
    pub total_us: f64,
    pub self_share: f64,
}

type Cache = Mutex<HashMap<PathBuf, (SystemTime, Arc<StoredProfile>)>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The nearest `.mpbuild/profile.json` above `file`, with the project root it belongs to.
pub fn find_profile(file: &Path) -> Option<(PathBuf, PathBuf)> {
    let mut dir = file.parent();
    while let Some(d) = dir {
        let p = d.join(PROFILE_FILE);
        if p.is_file() {
            return Some((d.to_path_buf(), p));
        }
        dir = d.parent();
    }
    None
}

/// Reads the profile at `path`, from the cache while its modification time is unchanged.
pub fn load(path: &Path) -> Option<Arc<StoredProfile>> {
    let mtime = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    if let Some((t, p)) = cache().lock().ok()?.get(path) {
        if *t == mtime {
            return Some(p.clone());
        }
    }
    let text = std::fs::read(path).ok()?;
    let p: StoredProfile = match serde_json::from_slice(&text) {
        Ok(p) => p,
        Err(e) => {
            crate::session::tracing_log(&format!("{}: not a profile: {e}", path.display()));
            return None;
        }
    };
    let p = Arc::new(p);
    if let Ok(mut c) = cache().lock() {
        c.insert(path.to_path_buf(), (mtime, p.clone()));
    }
    Some(p)
}

/// Every `def` of a module with its qualified name (as the compiler names scopes: `C.m`, `outer.inner`;
/// names of enclosing `if`/`for`/`try` blocks do not count) and the line of its `def` keyword.
pub fn definitions(body: &[Stmt]) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    walk(body, "", &mut out, 0);
    out
}

fn walk(body: &[Stmt], prefix: &str, out: &mut Vec<(String, u32)>, depth: u32) {
    if depth > 200 {
        return;
    }
    for s in body {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                let q = format!("{prefix}{}", f.name);
                out.push((q.clone(), f.def_line));
                walk(&f.body, &format!("{q}."), out, depth + 1);
            }
            StmtKind::ClassDef(c) => walk(&c.body, &format!("{prefix}{}.", c.name), out, depth + 1),
            StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
                walk(body, prefix, out, depth + 1);
                walk(orelse, prefix, out, depth + 1);
            }
            StmtKind::With { body, .. } => walk(body, prefix, out, depth + 1),
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                walk(body, prefix, out, depth + 1);
                for h in handlers {
                    walk(&h.body, prefix, out, depth + 1);
                }
                walk(orelse, prefix, out, depth + 1);
                walk(finalbody, prefix, out, depth + 1);
            }
            _ => {}
        }
    }
}

fn ms(us: f64) -> String {
    let v = us / 1000.0;
    if v >= 100.0 {
        format!("{v:.0} ms")
    } else if v >= 10.0 {
        format!("{v:.1} ms")
    } else {
        format!("{v:.2} ms")
    }
}

/// The lens title for one function.
pub fn title(f: &StoredFunction) -> String {
    let calls = if f.kind == "generator" { format!("{} resumes", f.calls) } else { format!("{} calls", f.calls) };
    format!("{} self, {:.0} % · {calls} · {} total", ms(f.self_us), f.self_share, ms(f.total_us))
}

pub async fn handle(server: &Server, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
    let uri = params.text_document.uri;
    let Ok(path) = uri.to_file_path() else { return Ok(None) };
    let Some((root, profile_path)) = find_profile(&path) else { return Ok(None) };
    let Some(profile) = load(&profile_path) else { return Ok(None) };
    let Ok(rel) = path.strip_prefix(&root) else { return Ok(None) };
    let rel = rel.to_string_lossy().replace('\\', "/");
    let mut entries: Vec<&StoredFunction> = profile.functions.iter().filter(|f| f.file == rel && f.kind != "module" && f.kind != "lambda").collect();
    if entries.is_empty() {
        return Ok(Some(Vec::new()));
    }
    entries.sort_by_key(|f| f.line);
    let Some(c) = diagnostics::current(server, &uri).await else { return Ok(None) };
    let lines = mpy_vm::syntax::source::LineIndex::new(c.text.as_bytes());
    let mut taken: HashMap<&str, usize> = HashMap::new();
    let defs = definitions(&c.module.body);
    let mut lenses = Vec::new();
    for (name, line) in &defs {
        let nth = taken.entry(name.as_str()).or_insert(0);
        let Some(f) = entries.iter().filter(|f| f.qualified_name == *name).nth(*nth) else { continue };
        *nth += 1;
        let Some(start) = lines.line_start(*line) else { continue };
        let range = c.index.range(&c.text, mpy_vm::syntax::ast::TextRange::new(start, start));
        lenses.push(CodeLens {
            range,
            command: Some(Command { title: title(f), command: String::new(), arguments: None }),
            data: None,
        });
    }
    Ok(Some(lenses))
}

/// Whether a watched-file change is a stored profile.
pub fn is_profile(uri: &Url) -> bool {
    uri.path().ends_with(PROFILE_FILE)
}
