//! `mpbuild romfs deploy`: writing a ROMFS image into the board's ROMFS partition through `vfs.rom_ioctl`,
//! as MicroPython defines it (`extmod/vfs.h` `MP_VFS_ROM_IOCTL_*`):
//!
//! * `rom_ioctl(1)`: number of partitions; `rom_ioctl(2, id)`: the partition, a `memoryview` over
//!   memory-mapped flash or a block device (esp32 `Partition`), or a negative errno;
//! * memoryview partitions: `rom_ioctl(3, id, nbytes)` erases (returns the minimum write size or a negative
//!   errno), `rom_ioctl(4, id, offset, buf)` writes, `rom_ioctl(5, id)` finishes;
//! * block devices: `ioctl(4)` block count, `ioctl(5)` block size, `ioctl(6, block)` erases,
//!   `writeblocks(block, buf, offset)` writes.
//!
//! `/rom` is unmounted first; the image is sent in chunks with the board's best codec, zero-padded to the
//! minimum write size; afterwards the written region is hashed on the board and compared. A soft reset (or
//! a reboot) mounts the new image.

use serde::Serialize;

use super::codec;
use super::error::{DeployError, Result};
use super::fs::Board;
use super::progress::{DeployEvent, DeployOp, DeployProgress};

/// The result of a ROMFS deploy.
#[derive(Clone, Debug, Serialize)]
pub struct RomfsDeployReport {
    pub port: String,
    pub partition: u32,
    pub image_size: u64,
    pub partition_size: u64,
    /// `memoryview` or `block-device`.
    pub kind: String,
    pub verified: bool,
}

const PREPARE: &str = r#"def _rp(p,n):
 import vfs
 if not hasattr(vfs,'rom_ioctl'):print('X');return
 c=vfs.rom_ioctl(1)
 if p>=c:print('C',c);return
 d=vfs.rom_ioctl(2,p)
 if isinstance(d,int):print('E',d);return
 try:vfs.umount('/rom')
 except Exception:pass
 global _rd
 _rd=d
 if hasattr(d,'ioctl'):
  bs=d.ioctl(5,0);sz=d.ioctl(4,0)*bs
  if n>sz:print('S',sz);return
  for b in range((n+bs-1)//bs):d.ioctl(6,b)
  print('B',sz,bs)
 else:
  sz=len(d)
  if n>sz:print('S',sz);return
  w=vfs.rom_ioctl(3,p,n)
  if w<0:print('E',w);return
  print('M',sz,w)
def _rw(p,o,b):
 import vfs
 if hasattr(_rd,'ioctl'):
  bs=_rd.ioctl(5,0);_rd.writeblocks(o//bs,b,o%bs)
 else:
  r=vfs.rom_ioctl(4,p,o,b)
  if r<0:raise OSError(-r)
def _rf(p,n):
 import vfs
 if not hasattr(_rd,'ioctl'):vfs.rom_ioctl(5,p)
 h=_H.sha256()
 if hasattr(_rd,'ioctl'):
  bs=_rd.ioctl(5,0);b=bytearray(bs);i=0
  while i*bs<n:
   _rd.readblocks(i,b);h.update(b[:min(bs,n-i*bs)]);i+=1
 else:
  h.update(_rd[:n])
 print('H',_B.hexlify(h.digest()).decode())
"#;

/// Writes `image` to ROMFS partition `partition`.
pub fn deploy(board: &mut Board<'_>, image: &[u8], partition: u32, progress: &dyn DeployProgress) -> Result<RomfsDeployReport> {
    if image.len() < 4 || image[..3] != [0xd2, 0xcd, 0x31] {
        return Err(DeployError::usage("the file is not a ROMFS image (it does not start with d2 cd 31)", "build one with `mpbuild romfs`"));
    }
    let caps = board.caps()?;
    let port = board.transport().port().to_string();
    board.transport().exec_ctx(PREPARE.as_bytes(), "preparing the ROMFS deploy")?;
    let n = image.len();
    let out = board.transport().exec_ctx(format!("_rp({partition},{n})").as_bytes(), "preparing the ROMFS partition")?;
    let text = String::from_utf8_lossy(&out).trim().to_string();
    let f: Vec<&str> = text.split_whitespace().collect();
    let (kind, size, min_write) = match f.as_slice() {
        ["X"] => {
            return Err(DeployError::Unsupported {
                what: format!("{port}: the firmware has no vfs.rom_ioctl, so it has no ROMFS partition"),
                help: "use firmware built with ROMFS (e.g. ESP8266_GENERIC-FLASH_2M_ROMFS, PYBD_SF6, or rp2 with MICROPY_HW_ROMFS_BYTES), or deploy the .mpy tree with `mpbuild deploy`".into(),
            })
        }
        ["C", c] => {
            return Err(DeployError::Unsupported {
                what: format!("{port}: the board has {c} ROMFS partition(s), so partition {partition} does not exist"),
                help: "choose another partition with --partition".into(),
            })
        }
        ["E", e] => {
            return Err(DeployError::Unsupported {
                what: format!("{port}: vfs.rom_ioctl refused partition {partition} (error {e})"),
                help: "the partition may be missing from this firmware's partition table".into(),
            })
        }
        ["S", s] => {
            return Err(DeployError::Usage {
                message: format!("the ROMFS image is {n} bytes but partition {partition} holds {s} bytes"),
                help: "leave modules out, raise the optimisation level, or enlarge the partition; nothing was written".into(),
            })
        }
        ["M", s, w] => ("memoryview", s.parse::<u64>().ok(), w.parse::<usize>().ok()),
        ["B", s, b] => ("block-device", s.parse::<u64>().ok(), b.parse::<usize>().ok()),
        _ => ("", None, None),
    };
    let (Some(size), Some(min_write)) = (size, min_write) else {
        return Err(DeployError::Garbled { port, expected: "the ROMFS partition description".into(), received: super::error::show_bytes(&out) });
    };
    progress.event(DeployEvent::Started { op: DeployOp::Program, total: n as u64, label: format!("romfs partition {partition}") });
    // Chunks are a multiple of the minimum write size; the last one is zero-padded.
    let unit = min_write.max(1);
    let chunk = (caps.codec.chunk().max(4096) / unit).max(1) * unit;
    let mut off = 0;
    while off < n {
        let end = (off + chunk).min(n);
        let mut buf = image[off..end].to_vec();
        let pad = (unit - buf.len() % unit) % unit;
        buf.resize(buf.len() + pad, 0);
        let code = format!("_rw({partition},{off},{})", caps.codec.encode(&buf));
        board.transport().exec_ctx(code.as_bytes(), "writing the ROMFS partition")?;
        off = end;
        progress.event(DeployEvent::Advanced { op: DeployOp::Program, done: off as u64 });
    }
    progress.event(DeployEvent::Finished { op: DeployOp::Program });
    let mut verified = false;
    if caps.sha256 {
        progress.event(DeployEvent::Started { op: DeployOp::Verify, total: n as u64, label: "romfs".into() });
        let out = board.transport().exec_ctx(format!("_rf({partition},{n})").as_bytes(), "verifying the ROMFS partition")?;
        let text = String::from_utf8_lossy(&out);
        let got = text.trim().strip_prefix("H ").unwrap_or("").to_string();
        let expected = codec::sha256_hex(image);
        if got != expected {
            return Err(DeployError::Verify { port, path: format!("<romfs partition {partition}>"), expected, got });
        }
        verified = true;
        progress.event(DeployEvent::Advanced { op: DeployOp::Verify, done: n as u64 });
        progress.event(DeployEvent::Finished { op: DeployOp::Verify });
    } else {
        board.transport().exec_ctx(format!("import vfs\nif not hasattr(_rd,'ioctl'):vfs.rom_ioctl(5,{partition})").as_bytes(), "finishing the ROMFS write")?;
    }
    Ok(RomfsDeployReport { port, partition, image_size: n as u64, partition_size: size, kind: kind.to_string(), verified })
}
