//! Helpers shared by the workspace tests: the oracles (mpy-cross, the MicroPython VM), subprocesses with
//! timeouts, the expected-failure ratchet, readable diffs of `.mpy` files and the opcode coverage table.
//!
//! The integration tests in `tests/tests/` are thin: each one walks its data (corpus, refusals, PyPI
//! packages), calls the checks here in parallel and reports one summary line per category.

pub mod compare;
pub mod corpus;
pub mod diff;
pub mod difffuzz;
pub mod expected;
pub mod gen;
pub mod opcodes;
pub mod oracles;
pub mod process;
pub mod report;
pub mod vm;

use std::path::{Path, PathBuf};

/// The repository root (the workspace directory holding `tests/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// `path` relative to the repository root, with `/` separators (how paths are named in reports and in
/// `EXPECTED_FAILURES`).
pub fn rel_path(path: &Path) -> String {
    let root = repo_root();
    let rel = path.strip_prefix(&root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Every file under `dir` (recursively) whose name ends with `ext`, sorted, skipping hidden entries and
/// dangling symbolic links (some sdists ship them).
pub fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if name.to_string_lossy().ends_with(ext) && path.is_file() {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Runs `f` over `items` on a thread pool sized for subprocess-heavy work, keeping the input order.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()) * 2;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    pool.install(|| items.par_iter().map(&f).collect())
}

/// Calls `f`, turning a panic into an `Err` with its message, so that one compiler bug on one program is
/// reported against that program instead of aborting the whole run.
pub fn catch_panic<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_string()))
            .unwrap_or_else(|| "panic with a non-string payload".to_string())
    })
}
