//! The content-hash cache: compiled `.mpy` bytes stored under the SHA-256 of everything that determines them
//! (compiler identity, options, source name, source bytes). A hit needs no compilation, so a no-op rebuild
//! only reads and hashes the sources.
//!
//! Layout: `<cache>/objects/<2 hex>/<64 hex>` (the output bytes), and `<cache>/outputs/<hash of output dir>`
//! (the files a build last wrote there, so that files whose source was removed are removed too).

use std::path::{Path, PathBuf};

use mpy_vm::CompileOptions;
use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::fsutil;

/// A cache directory (or a disabled cache that never hits and stores nothing).
#[derive(Clone, Debug)]
pub struct Cache {
    dir: Option<PathBuf>,
}

/// Lower-case hex of SHA-256.
pub fn sha256_hex(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl Cache {
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: Some(dir.into()) }
    }

    pub fn disabled() -> Cache {
        Cache { dir: None }
    }

    /// The key of one compilation.
    pub fn key(compiler: &str, opts: &CompileOptions, source: &[u8]) -> String {
        let o = format!(
            "{}|{}|{}|{}|{:?}|{}|{:?}",
            opts.source_name,
            opts.opt_level,
            opts.no_source_lines,
            opts.small_int_bits,
            opts.arch.map(mpy_vm::Arch::name),
            opts.arch_flags,
            opts.emit
        );
        sha256_hex(&[compiler.as_bytes(), o.as_bytes(), source])
    }

    fn object(&self, key: &str) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        let (a, _) = key.split_at(2.min(key.len()));
        Some(dir.join("objects").join(a).join(key))
    }

    /// The stored bytes for `key`.
    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        std::fs::read(self.object(key)?).ok()
    }

    /// Stores `bytes` under `key` (atomically). Errors are reported but a failed store only costs a
    /// recompilation next time.
    pub fn put(&self, key: &str, bytes: &[u8]) -> Result<()> {
        match self.object(key) {
            Some(p) => fsutil::write_atomic(&p, bytes),
            None => Ok(()),
        }
    }

    fn outputs_file(&self, out_dir: &Path) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(dir.join("outputs").join(sha256_hex(&[out_dir.to_string_lossy().as_bytes()])))
    }

    /// The output files (relative paths) the last build wrote into `out_dir`.
    pub fn previous_outputs(&self, out_dir: &Path) -> Vec<String> {
        self.outputs_file(out_dir)
            .and_then(|p| std::fs::read_to_string(p).ok())
            .map(|t| t.lines().map(str::to_string).collect())
            .unwrap_or_default()
    }

    /// Records the output files of this build.
    pub fn record_outputs(&self, out_dir: &Path, outputs: &[String]) -> Result<()> {
        match self.outputs_file(out_dir) {
            Some(p) => fsutil::write_atomic(&p, outputs.join("\n").as_bytes()),
            None => Ok(()),
        }
    }
}
