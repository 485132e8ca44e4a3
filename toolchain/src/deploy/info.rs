//! `mpbuild info`: what the board is: MicroPython version, `.mpy` ABI (`sys.implementation._mpy`), machine,
//! platform, free heap, filesystem space, and whether it has ROMFS.

use serde::Serialize;

use super::error::{show_bytes, DeployError, Result};
use super::Transport;
use crate::device::decode_mpy;

/// The board's self-description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BoardInfo {
    pub port: String,
    /// `1.29.0` (with `-preview` when so).
    pub version: String,
    pub machine: String,
    pub platform: String,
    pub mpy_raw: u32,
    /// `6.3`.
    pub mpy: String,
    /// The native arch it loads, or `none`.
    pub arch: String,
    pub mem_free: u64,
    pub mem_alloc: u64,
    /// Free and total bytes of the filesystem (when it has one).
    pub fs_free: Option<u64>,
    pub fs_total: Option<u64>,
    /// Number of ROMFS partitions (`vfs.rom_ioctl(1)`), `None` without `rom_ioctl`.
    pub romfs_partitions: Option<i64>,
    pub unique_id: Option<String>,
}

const QUERY: &str = r#"import sys,gc,os
def _q():
 i=sys.implementation;v=i.version
 print('V','%d.%d.%d%s'%(v[0],v[1],v[2],('-'+v[3]) if len(v)>3 and v[3] else ''))
 print('M',getattr(i,'_machine',''))
 print('P',sys.platform)
 print('A',getattr(i,'_mpy',0))
 gc.collect();print('H',gc.mem_free(),gc.mem_alloc())
 try:
  s=os.statvfs('.' if sys.platform=='linux' else '/');print('F',s[0]*s[3],s[0]*s[2])
 except Exception:print('F - -')
 try:
  import vfs;print('R',vfs.rom_ioctl(1) if hasattr(vfs,'rom_ioctl') else '-')
 except Exception:print('R -')
 try:
  import machine,binascii;print('U',binascii.hexlify(machine.unique_id()).decode())
 except Exception:print('U -')
_q()
"#;

/// Asks the board.
pub fn query(t: &mut dyn Transport) -> Result<BoardInfo> {
    let out = t.exec_ctx(QUERY.as_bytes(), "querying the board")?;
    parse(t.port(), &out)
}

fn parse(port: &str, out: &[u8]) -> Result<BoardInfo> {
    let text = String::from_utf8_lossy(out);
    let get = |k: &str| -> Option<String> {
        text.lines().find_map(|l| l.strip_prefix(k).and_then(|r| r.strip_prefix(' ')).map(|r| r.trim().to_string()))
    };
    let bad = || DeployError::Garbled { port: port.to_string(), expected: "the board's info lines".into(), received: show_bytes(out) };
    let version = get("V").ok_or_else(bad)?;
    let machine = get("M").unwrap_or_default();
    let platform = get("P").ok_or_else(bad)?;
    let mpy_raw: u32 = get("A").and_then(|s| s.parse().ok()).ok_or_else(bad)?;
    let heap = get("H").ok_or_else(bad)?;
    let mut h = heap.split_whitespace().map(|s| s.parse::<u64>().ok());
    let (mem_free, mem_alloc) = (h.next().flatten().ok_or_else(bad)?, h.next().flatten().unwrap_or(0));
    let fs = get("F").unwrap_or_default();
    let mut f = fs.split_whitespace().map(|s| s.parse::<u64>().ok());
    let (fs_free, fs_total) = (f.next().flatten(), f.next().flatten());
    let romfs_partitions = get("R").and_then(|s| s.parse().ok());
    let unique_id = get("U").filter(|s| s != "-");
    let (v, s, arch) = decode_mpy(mpy_raw);
    Ok(BoardInfo {
        port: port.to_string(),
        version,
        machine,
        platform,
        mpy_raw,
        mpy: if mpy_raw == 0 { "unknown".into() } else { format!("{v}.{s}") },
        arch: arch.map_or("none", mpy_vm::Arch::name).to_string(),
        mem_free,
        mem_alloc,
        fs_free,
        fs_total,
        romfs_partitions,
        unique_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_pico() {
        let out = b"V 1.29.0\r\nM Raspberry Pi Pico with RP2040\r\nP rp2\r\nA 4870\r\nH 180000 12000\r\nF 800000 1400000\r\nR -\r\nU e660583883724a2a\r\n";
        let i = parse("/dev/ttyACM0", out).unwrap();
        assert_eq!(i.mpy, "6.3");
        assert_eq!(i.arch, "armv6m");
        assert_eq!(i.fs_total, Some(1_400_000));
        assert_eq!(i.romfs_partitions, None);
        assert_eq!(i.unique_id.as_deref(), Some("e660583883724a2a"));
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(parse("p", b"\xff\xfe").is_err());
    }
}
