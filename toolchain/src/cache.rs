//! The content-hash cache: compiled `.mpy` bytes stored under the SHA-256 of everything that determines them
//! (compiler identity, options, source name, source bytes). A hit needs no compilation, so a no-op rebuild
//! only reads and hashes the sources.
//!
//! Layout: `<cache>/packs/<hash>`, one file per kind of compile run (compiler, target, source-name prefix)
//! holding every entry of that run's last compile, read and written whole (one file per build rather than one
//! per module: creating hundreds of small files cost more than compiling them); `<cache>/objects/<2 hex>/<64
//! hex>` for single entries ([`Cache::get`], [`Cache::put`]); and `<cache>/outputs/<hash of output dir>`
//! (the files a build last wrote there, so that files whose source was removed are removed too).

use std::collections::HashMap;
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

    fn pack_file(&self, name: &str) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(dir.join("packs").join(sha256_hex(&[name.as_bytes()])))
    }

    /// The entries of pack `name` (empty when there is none, or it is unreadable or damaged: a damaged cache
    /// only costs recompilation).
    pub fn load_pack(&self, name: &str) -> Pack {
        let entries = self.pack_file(name).and_then(|p| std::fs::read(p).ok()).and_then(|b| decode_pack(&b)).unwrap_or_default();
        Pack { entries }
    }

    /// Replaces pack `name` with `entries` (atomically).
    pub fn store_pack(&self, name: &str, entries: &[(&str, &[u8])]) -> Result<()> {
        match self.pack_file(name) {
            Some(p) => fsutil::write_atomic(&p, &encode_pack(entries)),
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

    /// Records the output files of this build (no write when the record already says so).
    pub fn record_outputs(&self, out_dir: &Path, outputs: &[String]) -> Result<()> {
        match self.outputs_file(out_dir) {
            Some(p) => {
                let text = outputs.join("\n");
                if std::fs::read(&p).is_ok_and(|old| old == text.as_bytes()) {
                    return Ok(());
                }
                fsutil::write_atomic(&p, text.as_bytes())
            }
            None => Ok(()),
        }
    }
}

/// The entries of one pack, by key.
#[derive(Clone, Debug, Default)]
pub struct Pack {
    entries: HashMap<String, Vec<u8>>,
}

impl Pack {
    pub fn get(&self, key: &str) -> Option<&[u8]> {
        self.entries.get(key).map(Vec::as_slice)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

const PACK_MAGIC: &[u8; 8] = b"MPBPACK1";

/// `MPBPACK1`, then per entry: key length (u16 LE), key, data length (u32 LE), data.
fn encode_pack(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let size: usize = entries.iter().map(|(k, d)| 6 + k.len() + d.len()).sum();
    let mut out = Vec::with_capacity(PACK_MAGIC.len() + size);
    out.extend_from_slice(PACK_MAGIC);
    for (k, d) in entries {
        out.extend_from_slice(&(k.len() as u16).to_le_bytes());
        out.extend_from_slice(k.as_bytes());
        out.extend_from_slice(&(d.len() as u32).to_le_bytes());
        out.extend_from_slice(d);
    }
    out
}

/// The inverse of [`encode_pack`]; `None` for anything malformed.
fn decode_pack(b: &[u8]) -> Option<HashMap<String, Vec<u8>>> {
    let mut rest = b.strip_prefix(PACK_MAGIC.as_slice())?;
    let mut out = HashMap::new();
    let take = |n: usize, rest: &mut &[u8]| -> Option<Vec<u8>> {
        if rest.len() < n {
            return None;
        }
        let (a, b) = rest.split_at(n);
        *rest = b;
        Some(a.to_vec())
    };
    while !rest.is_empty() {
        let kl = u16::from_le_bytes(take(2, &mut rest)?.try_into().ok()?) as usize;
        let key = String::from_utf8(take(kl, &mut rest)?).ok()?;
        let dl = u32::from_le_bytes(take(4, &mut rest)?.try_into().ok()?) as usize;
        let data = take(dl, &mut rest)?;
        out.insert(key, data);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_round_trip_and_damage_is_a_miss() {
        let d = tempfile::tempdir().unwrap();
        let c = Cache::new(d.path());
        assert!(c.load_pack("p").is_empty());
        c.store_pack("p", &[("k1", b"one"), ("k2", b"")]).unwrap();
        let p = c.load_pack("p");
        assert_eq!((p.len(), p.get("k1"), p.get("k2"), p.get("k3")), (2, Some(&b"one"[..]), Some(&b""[..]), None));
        assert!(c.load_pack("other").is_empty());
        // A truncated pack is ignored, not misread.
        let file = c.pack_file("p").unwrap();
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&file, &bytes[..bytes.len() - 1]).unwrap();
        assert!(c.load_pack("p").is_empty());
        assert!(Cache::disabled().load_pack("p").is_empty());
    }
}
