//! RP2 (and other UF2 bootloaders) flashing by file copy: check the UF2 image (block magic, family), find
//! the BOOTSEL drive (a mounted volume holding `INFO_UF2.TXT`), copy the image onto it. A board running
//! MicroPython can be put into BOOTSEL first with `machine.bootloader()`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::deploy::error::{DeployError, Result};
use crate::deploy::progress::{DeployEvent, DeployOp, DeployProgress};

const MAGIC_START0: u32 = 0x0A32_4655;
const MAGIC_START1: u32 = 0x9E5D_5157;
const MAGIC_END: u32 = 0x0AB1_6F30;
const FLAG_FAMILY_ID: u32 = 0x0000_2000;

/// Known UF2 family IDs.
pub const FAMILIES: &[(u32, &str)] = &[
    (0xe48b_ff56, "RP2040"),
    (0xe48b_ff57, "RP2XXX absolute"),
    (0xe48b_ff58, "RP2XXX data"),
    (0xe48b_ff59, "RP2350 ARM secure"),
    (0xe48b_ff5a, "RP2350 RISC-V"),
    (0xe48b_ff5b, "RP2350 ARM non-secure"),
    (0x6865_7a5a, "SAMD51"),
    (0x68ed_2b88, "SAMD21"),
    (0xada5_2840, "nRF52840"),
    (0xbfdd_4eee, "ESP32-S2"),
    (0xc47e_5767, "ESP32-S3"),
];

/// What a UF2 file holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Uf2Summary {
    pub blocks: u32,
    pub payload_bytes: u64,
    /// Family names (or hex IDs) of the blocks.
    pub families: Vec<String>,
    pub lowest_address: u32,
    pub highest_address: u32,
}

fn le32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Checks a UF2 image block by block.
pub fn parse(image: &[u8]) -> Result<Uf2Summary> {
    let bad = |m: String| DeployError::usage(m, "use the .uf2 file of a MicroPython release (or picotool/elf2uf2 output)");
    if image.is_empty() || !image.len().is_multiple_of(512) {
        return Err(bad(format!("not a UF2 image: {} bytes is not a multiple of 512", image.len())));
    }
    let mut fams = Vec::new();
    let (mut lo, mut hi, mut payload) = (u32::MAX, 0u32, 0u64);
    let n = (image.len() / 512) as u32;
    for (i, b) in image.chunks(512).enumerate() {
        if le32(b, 0) != MAGIC_START0 || le32(b, 4) != MAGIC_START1 || le32(b, 508) != MAGIC_END {
            return Err(bad(format!("not a UF2 image: block {i} has bad magic numbers")));
        }
        let (flags, addr, size, no, total, fam) = (le32(b, 8), le32(b, 12), le32(b, 16), le32(b, 20), le32(b, 24), le32(b, 28));
        if size > 476 {
            return Err(bad(format!("UF2 block {i} claims {size} payload bytes (at most 476)")));
        }
        if no >= total {
            return Err(bad(format!("UF2 block {i} is numbered {no} of {total}")));
        }
        if total != n && i == 0 {
            // Concatenated images restart numbering: the RP2 boot ROM ignores everything after the first part.
            if total < n {
                return Err(bad(format!(
                    "the UF2 file holds {n} blocks but its first part says {total}: concatenated UF2 files are rejected by the RP2 boot ROM after the first part"
                )));
            }
        }
        if flags & FLAG_FAMILY_ID != 0 {
            let name = FAMILIES.iter().find(|(id, _)| *id == fam).map_or_else(|| format!("{fam:#010x}"), |(_, n)| (*n).to_string());
            if !fams.contains(&name) {
                fams.push(name);
            }
        }
        lo = lo.min(addr);
        hi = hi.max(addr.saturating_add(size));
        payload += u64::from(size);
    }
    Ok(Uf2Summary { blocks: n, payload_bytes: payload, families: fams, lowest_address: lo, highest_address: hi })
}

/// Whether `dir` is a UF2 bootloader drive.
pub fn is_uf2_drive(dir: &Path) -> bool {
    dir.join("INFO_UF2.TXT").is_file()
}

/// The board named in a drive's `INFO_UF2.TXT` (`Board-ID: RPI-RP2`).
pub fn drive_board(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("INFO_UF2.TXT")).ok()?;
    text.lines().find_map(|l| l.strip_prefix("Board-ID:").map(|s| s.trim().to_string()))
}

/// Where mounted volumes are looked for: `/proc/mounts` entries on Linux, `/Volumes/*` on macOS, the
/// usual media folders, and drive letters on Windows.
pub fn candidate_mounts() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(m) = std::fs::read_to_string("/proc/mounts") {
        for line in m.lines() {
            if let Some(mp) = line.split_whitespace().nth(1) {
                out.push(PathBuf::from(mp.replace("\\040", " ")));
            }
        }
    }
    for base in ["/Volumes", "/media", "/run/media"] {
        if let Ok(rd) = std::fs::read_dir(base) {
            for e in rd.flatten() {
                out.push(e.path());
                if let Ok(rd2) = std::fs::read_dir(e.path()) {
                    out.extend(rd2.flatten().map(|e| e.path()));
                }
            }
        }
    }
    if cfg!(windows) {
        out.extend((b'D'..=b'Z').map(|c| PathBuf::from(format!("{}:\\", c as char))));
    }
    out
}

/// The first UF2 drive among `candidates`.
pub fn find_drive(candidates: &[PathBuf]) -> Option<PathBuf> {
    candidates.iter().find(|d| is_uf2_drive(d)).cloned()
}

/// Waits up to `timeout` for a UF2 drive to appear among the candidates `list()` returns.
pub fn wait_for_drive(list: &dyn Fn() -> Vec<PathBuf>, timeout: Duration) -> Option<PathBuf> {
    let start = Instant::now();
    loop {
        if let Some(d) = find_drive(&list()) {
            return Some(d);
        }
        if start.elapsed() >= timeout {
            return None;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The result of a UF2 copy.
#[derive(Clone, Debug, Serialize)]
pub struct Uf2Report {
    pub drive: PathBuf,
    pub board_id: Option<String>,
    pub image: Uf2Summary,
    pub bytes: u64,
}

/// Copies `image` onto the drive as `firmware.uf2`, in pieces so progress can be shown. The bootloader
/// flashes and reboots as the last block arrives (the drive then disappears, which is not an error).
pub fn copy_to_drive(image: &[u8], drive: &Path, progress: &dyn DeployProgress) -> Result<Uf2Report> {
    use std::io::Write;
    let summary = parse(image)?;
    if !is_uf2_drive(drive) {
        return Err(DeployError::usage(
            format!("{} is not a UF2 bootloader drive (no INFO_UF2.TXT)", drive.display()),
            "hold BOOTSEL while plugging the board in, or let mpbuild enter the bootloader (--port)",
        ));
    }
    let board_id = drive_board(drive);
    let dst = drive.join("firmware.uf2");
    let mut f = std::fs::File::create(&dst).map_err(|e| DeployError::local("create", &dst, e))?;
    progress.event(DeployEvent::Started { op: DeployOp::Program, total: image.len() as u64, label: format!("{}", drive.display()) });
    let mut done = 0u64;
    for piece in image.chunks(64 * 512) {
        if let Err(e) = f.write_all(piece) {
            // The board reboots when it has every block; late errors after that are expected.
            if done + piece.len() as u64 >= image.len() as u64 {
                break;
            }
            return Err(DeployError::local("write", &dst, e));
        }
        done += piece.len() as u64;
        progress.event(DeployEvent::Advanced { op: DeployOp::Program, done });
    }
    let _ = f.sync_all();
    progress.event(DeployEvent::Finished { op: DeployOp::Program });
    Ok(Uf2Report { drive: drive.to_path_buf(), board_id, image: summary, bytes: image.len() as u64 })
}

/// Builds a UF2 image from raw bytes at `base` (for tests and for ROMFS images placed by address).
pub fn from_bin(data: &[u8], base: u32, family: Option<u32>) -> Vec<u8> {
    let n = data.len().div_ceil(256).max(1) as u32;
    let mut out = Vec::with_capacity(n as usize * 512);
    for (i, piece) in data.chunks(256).enumerate() {
        let mut b = [0u8; 512];
        let mut put = |at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
        put(0, MAGIC_START0);
        put(4, MAGIC_START1);
        put(8, if family.is_some() { FLAG_FAMILY_ID } else { 0 });
        put(12, base + (i as u32) * 256);
        put(16, 256);
        put(20, i as u32);
        put(24, n);
        put(28, family.unwrap_or(0));
        put(508, MAGIC_END);
        b[32..32 + piece.len()].copy_from_slice(piece);
        out.extend_from_slice(&b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_from_bin_writes() {
        let img = from_bin(&[7u8; 1000], 0x1000_0000, Some(0xe48b_ff56));
        let s = parse(&img).unwrap();
        assert_eq!(s.blocks, 4);
        assert_eq!(s.payload_bytes, 1024);
        assert_eq!(s.families, vec!["RP2040"]);
        assert_eq!(s.lowest_address, 0x1000_0000);
    }

    #[test]
    fn rejects_non_uf2_and_concatenations() {
        assert!(parse(b"hello").is_err());
        assert!(parse(&[0u8; 512]).is_err());
        let mut two = from_bin(&[1u8; 256], 0x1000_0000, None);
        two.extend(from_bin(&[2u8; 256], 0x1010_0000, None));
        let e = parse(&two).unwrap_err();
        assert!(e.to_string().contains("concatenated"), "{e}");
    }
}
