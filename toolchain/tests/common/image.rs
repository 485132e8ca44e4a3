//! Helpers of the `image_*` tests: independent parsers of the produced files (UF2 blocks, Intel HEX records
//! with their checksums, ESP32 partition tables with their MD5 entry), synthesised base firmware files, and
//! runs of the real MicroPython VM on a filesystem region extracted from an image.
//!
//! The parsers here are written separately from mpbuild's (they share no code with `mpbuild::image`), so a
//! wrong field written by mpbuild is not read back with the same mistake.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use mpbuild::Project;

/// One UF2 block as the test reads it.
#[derive(Clone, Debug)]
pub struct Blk {
    pub flags: u32,
    pub addr: u32,
    pub size: u32,
    pub no: u32,
    pub total: u32,
    pub family: u32,
    pub data: Vec<u8>,
}

fn w(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

/// Parses a UF2 file, asserting every block's magic numbers.
pub fn uf2_blocks(bytes: &[u8]) -> Vec<Blk> {
    assert_eq!(bytes.len() % 512, 0, "UF2 length");
    bytes
        .chunks(512)
        .enumerate()
        .map(|(i, b)| {
            assert_eq!((w(b, 0), w(b, 4), w(b, 508)), (0x0A32_4655, 0x9E5D_5157, 0x0AB1_6F30), "magic of block {i}");
            let size = w(b, 16);
            assert!(size <= 476);
            Blk { flags: w(b, 8), addr: w(b, 12), size, no: w(b, 20), total: w(b, 24), family: w(b, 28), data: b[32..32 + size as usize].to_vec() }
        })
        .collect()
}

/// Writes a UF2 file (numbered 0..n over the whole file) from `(addr, data)` at 256 bytes per block.
pub fn make_uf2(parts: &[(u32, &[u8], u32)]) -> Vec<u8> {
    let mut blocks: Vec<(u32, Vec<u8>, u32)> = Vec::new();
    for (addr, data, fam) in parts {
        for (i, c) in data.chunks(256).enumerate() {
            let mut d = c.to_vec();
            d.resize(256, 0);
            blocks.push((addr + 256 * i as u32, d, *fam));
        }
    }
    let n = blocks.len() as u32;
    let mut out = Vec::new();
    for (i, (addr, d, fam)) in blocks.iter().enumerate() {
        for v in [0x0A32_4655u32, 0x9E5D_5157, 0x2000, *addr, 256, i as u32, n, *fam] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(d);
        out.extend_from_slice(&[0u8; 476 - 256]);
        out.extend_from_slice(&0x0AB1_6F30u32.to_le_bytes());
    }
    out
}

/// A flash map: address → byte.
pub type Flash = BTreeMap<u64, u8>;

/// The bytes of a UF2 file by address.
pub fn uf2_flash(blocks: &[Blk]) -> Flash {
    let mut m = Flash::new();
    for b in blocks {
        for (i, &x) in b.data.iter().enumerate() {
            assert!(m.insert(u64::from(b.addr) + i as u64, x).is_none(), "two blocks write {:#x}", b.addr as usize + i);
        }
    }
    m
}

/// Parses Intel HEX, checking every record's checksum; returns the bytes by address and the record count.
pub fn hex_flash(text: &str) -> (Flash, usize) {
    let mut m = Flash::new();
    let mut upper = 0u64;
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        assert!(line.starts_with(':'), "line {}", i + 1);
        let b: Vec<u8> = (1..line.len()).step_by(2).map(|k| u8::from_str_radix(&line[k..k + 2], 16).unwrap()).collect();
        let sum = b.iter().fold(0u8, |a, x| a.wrapping_add(*x));
        assert_eq!(sum, 0, "checksum of line {}", i + 1);
        assert_eq!(b.len(), b[0] as usize + 5, "length of line {}", i + 1);
        n += 1;
        let off = u64::from(u16::from_be_bytes([b[1], b[2]]));
        match b[3] {
            0 => {
                for (k, &x) in b[4..4 + b[0] as usize].iter().enumerate() {
                    assert!(m.insert(upper + off + k as u64, x).is_none(), "line {} rewrites a byte", i + 1);
                }
            }
            4 => upper = u64::from(u16::from_be_bytes([b[4], b[5]])) << 16,
            2 => upper = u64::from(u16::from_be_bytes([b[4], b[5]])) << 4,
            1 | 3 | 5 => {}
            t => panic!("record type {t} on line {}", i + 1),
        }
    }
    (m, n)
}

/// `len` bytes from `addr` of a flash map (`0xff` where absent).
pub fn read(m: &Flash, addr: u64, len: usize) -> Vec<u8> {
    (0..len as u64).map(|i| *m.get(&(addr + i)).unwrap_or(&0xff)).collect()
}

/// One ESP32 partition entry as the test reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub ty: u8,
    pub subtype: u8,
    pub offset: u32,
    pub size: u32,
}

/// Parses a binary partition table; asserts the MD5 entry is present and right.
pub fn esp_table(bytes: &[u8]) -> Vec<Part> {
    use md5::Digest;
    let mut parts = Vec::new();
    let mut ctx = md5::Md5::new();
    for e in bytes.chunks(32) {
        if e[..2] == [0xaa, 0x50] {
            ctx.update(e);
            let end = e[12..28].iter().position(|&c| c == 0).unwrap_or(16);
            parts.push(Part { name: String::from_utf8(e[12..12 + end].to_vec()).unwrap(), ty: e[2], subtype: e[3], offset: w(e, 4), size: w(e, 8) });
        } else if e[..2] == [0xeb, 0xeb] {
            assert_eq!(&e[16..32], ctx.clone().finalize().as_slice(), "MD5 entry");
            return parts;
        } else {
            panic!("partition table without an MD5 entry");
        }
    }
    panic!("partition table not terminated")
}

/// A binary partition table (entries, MD5 entry, end marker), padded to 0xC00 bytes.
pub fn make_esp_table(parts: &[(&str, u8, u8, u32, u32)]) -> Vec<u8> {
    use md5::Digest;
    let mut out = Vec::new();
    for (name, ty, sub, off, size) in parts {
        let mut e = vec![0xaa, 0x50, *ty, *sub];
        e.extend_from_slice(&off.to_le_bytes());
        e.extend_from_slice(&size.to_le_bytes());
        let mut n = name.as_bytes().to_vec();
        n.resize(16, 0);
        e.extend_from_slice(&n);
        e.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&e);
    }
    let digest = md5::Md5::digest(&out);
    out.extend_from_slice(&[0xeb, 0xeb]);
    out.extend_from_slice(&[0xff; 14]);
    out.extend_from_slice(&digest);
    out.resize(0xC00, 0xff);
    out
}

/// A fake-but-well-formed ESP32-family merged image: bootloader (image header with `chip_id`) at the
/// bootloader offset, the partition table at 0x8000, an application image (header + random bytes) at
/// 0x10000. Returned as the file (starting at `boot_offset`).
pub fn make_esp_merged(chip_id: u16, boot_offset: u32, table: &[u8], app_len: usize, seed: u64) -> Vec<u8> {
    let header = |len: usize, seed: u64| {
        let mut v = random_bytes(len, seed);
        v[0] = 0xE9;
        v[1] = 3;
        v[12..14].copy_from_slice(&chip_id.to_le_bytes());
        v
    };
    let mut file = vec![0xffu8; (0x10000 - boot_offset) as usize];
    let boot = header(0x4000, seed);
    file[..boot.len()].copy_from_slice(&boot);
    let t = (0x8000 - boot_offset) as usize;
    file[t..t + table.len()].copy_from_slice(table);
    file.extend_from_slice(&header(app_len, seed + 1));
    file
}

/// Deterministic pseudo-random bytes (xorshift), never 0xff-only.
pub fn random_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// The example project, compiled for x64 so its viper module runs on the unix VM.
pub fn sensor_app(tmp: &Path) -> (std::path::PathBuf, Project) {
    let app = tmp.join("sensor-app");
    crate::common::copy_tree(&crate::common::repo_root().join("examples/sensor-app"), &app);
    let mut p = Project::load(Some(&app)).unwrap();
    p.target.arch = Some(mpy_vm::Arch::X64);
    (app, p)
}

/// The example's output when run from its sources.
pub fn source_output(app: &Path) -> String {
    let out = crate::common::run_vm(app, "import sys\nsys.path[:0] = ['.', 'lib']\nexec(open('main.py').read())\n", &[]);
    assert!(out.contains("avg"), "source run failed: {out}");
    out
}

/// Python for a block device over a file of the region's bytes.
const BLOCKDEV: &str = "
import sys, os, vfs
class Dev:
    def __init__(self, data, bs):
        self.d = bytearray(data)
        self.bs = bs
    def readblocks(self, n, buf, off=0):
        a = n * self.bs + off
        buf[:] = self.d[a:a + len(buf)]
    def writeblocks(self, n, buf, off=None):
        if off is None:
            self.ioctl(6, n)
            off = 0
        a = n * self.bs + off
        self.d[a:a + len(buf)] = buf
    def ioctl(self, op, arg):
        if op == 4:
            return len(self.d) // self.bs
        if op == 5:
            return self.bs
        if op == 6:
            a = arg * self.bs
            self.d[a:a + self.bs] = b'\\xff' * self.bs
        return 0
";

/// Mounts the region (`mount` is Python building the VFS from `dev`, e.g. `vfs.VfsLfs2(dev, progsize=256)`
/// or `dev` for auto-detection) at `/flash`, then runs `body`.
pub fn run_on_region(dir: &Path, region: &[u8], block_size: usize, mount: &str, body: &str) -> String {
    std::fs::write(dir.join("region.bin"), region).unwrap();
    let script = format!(
        "{BLOCKDEV}\ndev = Dev(open('region.bin', 'rb').read(), {block_size})\nvfs.mount({mount}, '/flash')\n{body}\n"
    );
    // The default heap of the unix VM is too small for a whole flash region.
    let out = std::process::Command::new(crate::common::micropython()).args(["-X", "heapsize=48M", "-c", &script]).current_dir(dir).output().expect("run micropython");
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// Runs the example from a mounted region as a board would (main.py from the filesystem root).
pub const RUN_MAIN: &str = "sys.path[:0] = ['/flash', '/flash/lib']\nimport app\nassert app.__file__.startswith('/flash/'), app.__file__\nexec(open('/flash/main.py').read())";
