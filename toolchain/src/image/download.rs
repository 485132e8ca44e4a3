//! `mpbuild image --download VERSION`: the board's firmware of a MicroPython release, from the official
//! download site through an HTTP client (ureq), kept in a local cache so a second build needs no network.
//!
//! The site lists a board's files on `/download/<BOARD>/`; files are linked as
//! `/resources/firmware/<BOARD>[-<VARIANT>]-<YYYYMMDD>-v<VERSION>.<ext>` (ecosystem notes: download names
//! look like `RPI_PICO_W-20240222-v1.22.2.uf2`). The site root is `MPBUILD_DOWNLOAD_URL` when set (tests
//! serve a loopback server), else `https://micropython.org`; the cache is `MPBUILD_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/mpbuild/firmware`, else `~/.cache/mpbuild/firmware`.

use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;

use crate::boards::Board;
use crate::error::{Error, Result};
use crate::fsutil;
use crate::progress::{ItemStatus, Operation, Progress, ProgressEvent};

pub const DEFAULT_SITE: &str = "https://micropython.org";

/// Where a firmware file came from.
#[derive(Clone, Debug, Serialize)]
pub struct Fetched {
    pub path: PathBuf,
    pub url: Option<String>,
    pub cached: bool,
    pub bytes: u64,
}

fn fail(message: String, help: &str) -> Error {
    Error::Download { message, help: help.to_string() }
}

/// The cache directory.
pub fn cache_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("MPBUILD_CACHE_DIR") {
        return PathBuf::from(d);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("mpbuild").join("firmware")
}

/// `1.29` and `1.29.0` name the same release.
fn same_version(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim_start_matches('v');
        let mut parts: Vec<&str> = s.split('.').collect();
        while parts.len() > 2 && parts.last() == Some(&"0") {
            parts.pop();
        }
        parts.join(".")
    };
    norm(a) == norm(b)
}

/// Whether `name` is `<id>-<8 digits>-v<version>.<ext>`.
fn matches(name: &str, id: &str, version: &str, ext: &str) -> bool {
    let Some(rest) = name.strip_prefix(id).and_then(|r| r.strip_prefix('-')) else { return false };
    let Some(rest) = rest.strip_suffix(&format!(".{ext}")) else { return false };
    let Some((date, v)) = rest.split_once("-v") else { return false };
    date.len() == 8 && date.bytes().all(|c| c.is_ascii_digit()) && same_version(v, version)
}

/// File extensions to look for, best first.
fn extensions(board: &Board) -> Vec<&'static str> {
    match board.firmware_format.as_str() {
        "uf2" => vec!["uf2"],
        "bin" => vec!["bin"],
        "hex" => vec!["hex"],
        _ => vec!["hex", "elf", "bin"],
    }
}

fn cached(dir: &std::path::Path, board: &Board, version: &str) -> Option<PathBuf> {
    let id = board.full_id();
    let rd = std::fs::read_dir(dir).ok()?;
    let mut names: Vec<String> = rd.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    for ext in extensions(board) {
        if let Some(n) = names.iter().rev().find(|n| matches(n, &id, version, ext)) {
            return Some(dir.join(n));
        }
    }
    None
}

/// The firmware of `version` for `board`, from the cache or downloaded into it.
pub fn fetch(board: &Board, version: &str, progress: &dyn Progress) -> Result<Fetched> {
    let dir = cache_dir();
    if let Some(p) = cached(&dir, board, version) {
        let bytes = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
        return Ok(Fetched { path: p, url: None, cached: true, bytes });
    }
    let site = std::env::var("MPBUILD_DOWNLOAD_URL").unwrap_or_else(|_| DEFAULT_SITE.to_string());
    let site = site.trim_end_matches('/');
    let agent: ureq::Agent = ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(120))).build().into();
    let page_url = format!("{site}/download/{}/", board.id);
    let page = agent
        .get(&page_url)
        .call()
        .map_err(|e| fail(format!("cannot fetch {page_url}: {e}"), "check the network and the board name, or download the firmware yourself and pass --base"))?
        .body_mut()
        .with_config()
        .limit(16 << 20)
        .read_to_string()
        .map_err(|e| fail(format!("cannot read {page_url}: {e}"), "try again"))?;
    let id = board.full_id();
    let links: Vec<&str> = page.split("href=\"").skip(1).filter_map(|s| s.split('"').next()).filter(|l| l.contains("/resources/firmware/")).collect();
    let mut pick: Option<&str> = None;
    for ext in extensions(board) {
        pick = links.iter().copied().find(|l| l.rsplit('/').next().is_some_and(|n| matches(n, &id, version, ext)));
        if pick.is_some() {
            break;
        }
    }
    let Some(link) = pick else {
        let versions: Vec<String> = links
            .iter()
            .filter_map(|l| l.rsplit('/').next())
            .filter(|n| n.starts_with(&format!("{id}-")))
            .filter_map(|n| n.split("-v").nth(1).and_then(|v| v.rsplit_once('.').map(|(v, _)| v.to_string())))
            .take(8)
            .collect();
        return Err(fail(
            format!("{page_url} lists no {} firmware of MicroPython {version} for {id}", extensions(board).join("/")),
            &if versions.is_empty() { "check the board ID (`mpbuild boards`)".to_string() } else { format!("versions listed: {}", versions.join(", ")) },
        ));
    };
    let url = if link.starts_with("http://") || link.starts_with("https://") { link.to_string() } else { format!("{site}{link}") };
    let name = link.rsplit('/').next().unwrap_or(link).to_string();
    let mut resp = agent.get(&url).call().map_err(|e| fail(format!("cannot download {url}: {e}"), "try again, or download it yourself and pass --base"))?;
    let total = resp.headers().get("content-length").and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    progress.event(ProgressEvent::Started { op: Operation::Download, total: total.div_ceil(65536) });
    let mut reader = resp.body_mut().with_config().limit(256 << 20).reader();
    let mut data = Vec::with_capacity(total as usize);
    let mut buf = vec![0u8; 65536];
    loop {
        let n = reader.read(&mut buf).map_err(|e| fail(format!("download of {url} broke off after {} bytes: {e}", data.len()), "try again"))?;
        if n == 0 {
            break;
        }
        data.extend_from_slice(&buf[..n]);
        progress.event(ProgressEvent::Item { op: Operation::Download, name: name.clone(), status: ItemStatus::Written });
    }
    progress.event(ProgressEvent::Finished { op: Operation::Download });
    if total > 0 && data.len() as u64 != total {
        return Err(fail(format!("{url}: got {} of {total} bytes", data.len()), "try again"));
    }
    let path = dir.join(&name);
    fsutil::write_atomic(&path, &data)?;
    Ok(Fetched { path, url: Some(url), cached: false, bytes: data.len() as u64 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_versions() {
        assert!(matches("RPI_PICO-20250415-v1.25.0.uf2", "RPI_PICO", "1.25", "uf2"));
        assert!(matches("RPI_PICO-20250415-v1.25.0.uf2", "RPI_PICO", "v1.25.0", "uf2"));
        assert!(!matches("RPI_PICO_W-20250415-v1.25.0.uf2", "RPI_PICO", "1.25", "uf2"));
        assert!(!matches("RPI_PICO-20250415-v1.25.1.uf2", "RPI_PICO", "1.25", "uf2"));
        assert!(!matches("RPI_PICO-2025-v1.25.0.uf2", "RPI_PICO", "1.25", "uf2"));
        assert!(matches("RPI_PICO2-RISCV-20250415-v1.25.0.uf2", "RPI_PICO2-RISCV", "1.25.0", "uf2"));
    }
}
