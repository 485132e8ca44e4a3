//! Building: every unit compiled in parallel (rayon) through the content-hash cache, all failures collected
//! together, then the `.mpy` tree written atomically, file by file (in parallel), only where bytes changed.
//! Nothing is written when any file fails.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

use crate::cache::{Cache, Pack};
use crate::compiler::Compiler;
use crate::error::{Error, FileError, Result};
use crate::fsutil;
use crate::progress::{ItemStatus, Operation, Progress, ProgressEvent};
use crate::project::{Action, Project, Unit};

/// One unit's result, in memory.
#[derive(Clone, Debug)]
pub struct Artifact {
    pub unit: Unit,
    pub bytes: Vec<u8>,
    /// `Compiled`, `Cached` or `Copied`.
    pub status: ItemStatus,
    /// The cache key of a compiled unit.
    pub key: Option<String>,
}

/// Settings of a compile run.
#[derive(Clone, Debug, Default)]
pub struct CompileSettings {
    /// Prepended to each unit's path to form the source name embedded in the `.mpy`.
    pub source_prefix: String,
}

/// Python's `repr()` of a str, as `tagged_py_file` writes the version (single quotes unless the text holds
/// a single quote and no double quote).
fn py_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// The source as compiled: with `__version__` appended for manifest packages that declare a version.
fn effective_source(unit: &Unit, mut source: Vec<u8>) -> Vec<u8> {
    if let Some(v) = &unit.version {
        let has = source.windows(b"__version__ =".len()).any(|w| w == b"__version__ =");
        if !has {
            source.extend_from_slice(format!("\n\n__version__ = {}\n", py_repr(v)).as_bytes());
        }
    }
    source
}

/// Compiles (or copies) every unit. Returns the artifacts in unit order, or every failure at once.
pub fn compile_units(
    project: &Project,
    units: &[Unit],
    compiler: &dyn Compiler,
    cache: &Cache,
    settings: &CompileSettings,
    progress: &dyn Progress,
) -> Result<Vec<Artifact>> {
    progress.event(ProgressEvent::Started { op: Operation::Compile, total: units.len() as u64 });
    let identity = compiler.identity();
    // One pack per kind of run: the same project built for another target or prefix keeps its own.
    let pack_name = format!("{identity}|{}|{}", settings.source_prefix, project.target.describe());
    let pack = cache.load_pack(&pack_name);
    let results: Vec<std::result::Result<Artifact, FileError>> = units
        .par_iter()
        .map(|unit| {
            let r = compile_one(project, unit, compiler, &identity, &pack, settings);
            let status = r.as_ref().map_or(ItemStatus::Failed, |a| a.status);
            progress.event(ProgressEvent::Item { op: Operation::Compile, name: unit.rel.clone(), status });
            r
        })
        .collect();
    // Store the run's entries in one write, when anything differs from the pack read.
    let entries: Vec<(&str, &[u8])> =
        results.iter().filter_map(|r| r.as_ref().ok()).filter_map(|a| Some((a.key.as_deref()?, a.bytes.as_slice()))).collect();
    let changed = entries.len() != pack.len() || entries.iter().any(|(k, _)| pack.get(k).is_none());
    if changed && !entries.is_empty() {
        // A failed store only costs a recompilation next time.
        let _ = cache.store_pack(&pack_name, &entries);
    }
    progress.event(ProgressEvent::Finished { op: Operation::Compile });
    let mut ok = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(a) => ok.push(a),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(ok)
    } else {
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        Err(Error::Compile { errors })
    }
}

fn compile_one(
    project: &Project,
    unit: &Unit,
    compiler: &dyn Compiler,
    identity: &str,
    pack: &Pack,
    settings: &CompileSettings,
) -> std::result::Result<Artifact, FileError> {
    let source = std::fs::read(&unit.abs).map_err(|e| FileError {
        path: unit.rel.clone(),
        line: None,
        kind: "io".to_string(),
        message: format!("cannot read {}: {e}", unit.abs.display()),
        rendered: String::new(),
    })?;
    if unit.action == Action::Copy {
        return Ok(Artifact { unit: unit.clone(), bytes: source, status: ItemStatus::Copied, key: None });
    }
    let source = effective_source(unit, source);
    let opts = project.compile_options(unit, &settings.source_prefix);
    let key = Cache::key(identity, &opts, &source);
    if let Some(bytes) = pack.get(&key) {
        return Ok(Artifact { unit: unit.clone(), bytes: bytes.to_vec(), status: ItemStatus::Cached, key: Some(key) });
    }
    match compiler.compile(&source, &opts) {
        Ok(bytes) => Ok(Artifact { unit: unit.clone(), bytes, status: ItemStatus::Compiled, key: Some(key) }),
        Err(f) => Err(FileError { path: unit.rel.clone(), line: f.line, kind: f.kind, message: f.message, rendered: f.rendered }),
    }
}

/// What `build` did to one file.
#[derive(Clone, Debug, Serialize)]
pub struct FileReport {
    pub source: String,
    pub output: String,
    /// How the bytes were obtained (`compiled`, `cached`, `copied`).
    pub obtained: ItemStatus,
    /// `written` or `unchanged`.
    pub written: ItemStatus,
    pub size: u64,
}

/// The result of `build`.
#[derive(Clone, Debug, Serialize)]
pub struct BuildReport {
    pub out_dir: PathBuf,
    pub target: String,
    pub files: Vec<FileReport>,
    pub compiled: usize,
    pub cached: usize,
    pub copied: usize,
    pub written: usize,
    pub unchanged: usize,
    /// Outputs of an earlier build whose source is gone, now deleted.
    pub removed: Vec<String>,
    pub elapsed_ms: f64,
}

/// Builds the project's `.mpy` tree into `out_dir`.
pub fn build(project: &Project, compiler: &dyn Compiler, cache: &Cache, out_dir: &Path, progress: &dyn Progress) -> Result<BuildReport> {
    let t0 = Instant::now();
    let out_dir = fsutil::absolute(out_dir);
    if project.root.starts_with(&out_dir) {
        return Err(Error::Target {
            message: format!("the output directory {} contains the project", out_dir.display()),
            help: "choose an output directory inside or beside the project, e.g. build/mpy".to_string(),
        });
    }
    progress.event(ProgressEvent::Started { op: Operation::Discover, total: 0 });
    let units = project.units()?;
    progress.event(ProgressEvent::Finished { op: Operation::Discover });
    let artifacts = compile_units(project, &units, compiler, cache, &CompileSettings::default(), progress)?;

    progress.event(ProgressEvent::Started { op: Operation::Write, total: artifacts.len() as u64 });
    let fresh = !out_dir.exists() && write_fresh_tree(&out_dir, &artifacts, progress).is_ok();
    let written: Vec<Result<ItemStatus>> = if fresh {
        artifacts.iter().map(|_| Ok(ItemStatus::Written)).collect()
    } else {
        artifacts
            .par_iter()
            .map(|a| {
                let path = out_dir.join(&a.unit.out);
                let same = std::fs::read(&path).is_ok_and(|old| old == a.bytes);
                let written = if same {
                    ItemStatus::Unchanged
                } else {
                    fsutil::write_atomic(&path, &a.bytes)?;
                    ItemStatus::Written
                };
                progress.event(ProgressEvent::Item { op: Operation::Write, name: a.unit.out.clone(), status: written });
                Ok(written)
            })
            .collect()
    };
    let mut files = Vec::with_capacity(artifacts.len());
    for (a, w) in artifacts.iter().zip(written) {
        files.push(FileReport {
            source: a.unit.rel.clone(),
            output: a.unit.out.clone(),
            obtained: a.status,
            written: w?,
            size: a.bytes.len() as u64,
        });
    }
    let outputs: Vec<String> = files.iter().map(|f| f.output.clone()).collect();
    let mut removed = Vec::new();
    for old in cache.previous_outputs(&out_dir) {
        if !outputs.contains(&old) && !old.contains("..") {
            let p = out_dir.join(&old);
            if p.is_file() && std::fs::remove_file(&p).is_ok() {
                removed.push(old);
            }
        }
    }
    // A failed record only means stale files are not cleaned next time.
    let _ = cache.record_outputs(&out_dir, &outputs);
    progress.event(ProgressEvent::Finished { op: Operation::Write });

    let count = |s: ItemStatus| files.iter().filter(|f| f.obtained == s).count();
    Ok(BuildReport {
        out_dir,
        target: project.target.describe(),
        compiled: count(ItemStatus::Compiled),
        cached: count(ItemStatus::Cached),
        copied: count(ItemStatus::Copied),
        written: files.iter().filter(|f| f.written == ItemStatus::Written).count(),
        unchanged: files.iter().filter(|f| f.written == ItemStatus::Unchanged).count(),
        files,
        removed,
        elapsed_ms: t0.elapsed().as_secs_f64() * 1000.0,
    })
}

/// A first build into `out_dir` (which does not exist): the whole tree is written into a temporary
/// directory beside it, then renamed into place in one step, so readers see no tree or the whole tree, and
/// no file needs a temporary of its own. An error (e.g. another process created `out_dir` meanwhile) leaves
/// nothing behind; the caller then writes file by file.
fn write_fresh_tree(out_dir: &Path, artifacts: &[Artifact], progress: &dyn Progress) -> Result<()> {
    let parent = match out_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::io("create directory", &parent, e))?;
    let staging =
        tempfile::Builder::new().prefix(".mpbuild-tmp-").tempdir_in(&parent).map_err(|e| Error::io("create a temporary directory in", &parent, e))?;
    let mut dirs: Vec<PathBuf> = artifacts.iter().filter_map(|a| staging.path().join(&a.unit.out).parent().map(Path::to_path_buf)).collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(|e| Error::io("create directory", d, e))?;
    }
    artifacts.par_iter().try_for_each(|a| {
        let path = staging.path().join(&a.unit.out);
        std::fs::write(&path, &a.bytes).map_err(|e| Error::io("write", &path, e))
    })?;
    std::fs::rename(staging.path(), out_dir).map_err(|e| Error::io("write", out_dir, e))?;
    // The directory is in place under its final name: nothing left to clean up.
    let _ = staging.keep();
    for a in artifacts {
        progress.event(ProgressEvent::Item { op: Operation::Write, name: a.unit.out.clone(), status: ItemStatus::Written });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::py_repr;

    #[test]
    fn repr_like_python() {
        assert_eq!(py_repr("0.1.0"), "'0.1.0'");
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("a'\"b"), "'a\\'\"b'");
    }
}
