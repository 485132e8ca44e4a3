//! `mpbuild image --inspect FILE`: what a firmware file holds: its format and address ranges, UF2 families
//! and numbering, the ESP32 partition table, and the files of every ROMFS, littlefs and FAT region found
//! (by partition, or by scanning for their signatures: ROMFS `d2 cd 31` and littlefs' superblock name at
//! 4 KiB boundaries, FAT boot sectors at 512-byte boundaries).

use std::path::Path;

use serde::Serialize;

use super::base::{self, Format};
use super::place::RegionKind;
use super::segments::Segments;
use super::{esp, fat, littlefs, romfs, uf2};
use crate::boards::Board;
use crate::error::{Error, Result};

/// One UF2 family.
#[derive(Clone, Debug, Serialize)]
pub struct FamilyInfo {
    pub family: Option<u32>,
    pub name: String,
    pub blocks: u32,
}

/// A filesystem found in the image.
#[derive(Clone, Debug, Serialize)]
pub struct FoundRegion {
    pub kind: RegionKind,
    pub addr: u64,
    pub size: u64,
    /// How it was found (partition name, scan).
    pub found_by: String,
    pub files: Vec<(String, u64)>,
    /// Why the contents could not be listed.
    pub error: Option<String>,
}

/// What `--inspect` reports.
#[derive(Clone, Debug, Serialize)]
pub struct Inspection {
    pub format: Format,
    pub bytes: u64,
    pub ranges: Vec<(u64, u64)>,
    pub uf2_blocks: Option<usize>,
    pub uf2_numbering: Option<&'static str>,
    pub uf2_families: Vec<FamilyInfo>,
    pub esp_chip: Option<String>,
    pub partitions: Vec<esp::Part>,
    pub partition_md5: Option<bool>,
    pub regions: Vec<FoundRegion>,
}

/// Inspects `bytes` (read from `path`). A board is needed only for raw `.bin` files (their base address).
pub fn inspect(path: &Path, bytes: &[u8], board: Option<&Board>) -> Result<Inspection> {
    let format = base::detect(path, bytes).ok_or_else(|| Error::ImageBase {
        message: format!("{} is not a firmware file mpbuild reads (UF2, Intel HEX, ELF or .bin)", path.display()),
        help: "pass a .uf2, .hex, .elf or .bin file".to_string(),
    })?;
    let generic = Board {
        id: "ANY".into(),
        variant: None,
        port: String::new(),
        mcu: String::new(),
        arch: "armv6m".into(),
        device_arch: None,
        arch_flags: Vec::new(),
        mpy: "6.3".into(),
        firmware_format: String::new(),
        firmware_offset: None,
        flash_bytes: None,
        filesystem_offset: None,
        filesystem_bytes: None,
        romfs_offset: None,
        romfs_bytes: None,
        flash_base: None,
        filesystem: None,
        filesystem_block_size: None,
        uf2_families: crate::deploy::flash::uf2::FAMILIES.iter().map(|(f, _)| *f).collect(),
        source: Default::default(),
        variants: Default::default(),
    };
    let mut b = board.cloned().unwrap_or(generic);
    if board.is_none() && format == Format::EspBin {
        b.mcu = base::detect(path, bytes).and_then(|_| esp::chip_of(bytes)).map(|c| c.name().to_string()).unwrap_or_default();
    }
    let base = base::load(path, bytes, &b).map_err(|(message, help)| Error::ImageBase { message, help })?;
    let mut out = Inspection {
        format,
        bytes: bytes.len() as u64,
        ranges: base.segments.runs().map(|(a, d)| (a, a + d.len() as u64)).collect(),
        uf2_blocks: None,
        uf2_numbering: None,
        uf2_families: Vec::new(),
        esp_chip: base.esp_chip.map(|c| c.name().to_string()),
        partitions: Vec::new(),
        partition_md5: None,
        regions: Vec::new(),
    };
    if format == Format::Uf2 {
        out.uf2_blocks = Some(base.uf2_blocks.len());
        out.uf2_numbering = Some(if uf2::numbered_globally(&base.uf2_blocks) { "whole file" } else { "per family" });
        out.uf2_families = uf2::families(&base.uf2_blocks)
            .into_iter()
            .map(|(f, n)| FamilyInfo { family: f, name: f.map_or_else(|| "(none)".to_string(), uf2::family_name), blocks: n })
            .collect();
    }
    let segs = &base.segments;
    if format == Format::EspBin && segs.covers(esp::TABLE_OFFSET, esp::TABLE_OFFSET + 32) {
        match esp::parse_table(&segs.read(esp::TABLE_OFFSET, esp::TABLE_MAX, 0xff)) {
            Ok(t) => {
                out.partition_md5 = Some(t.md5);
                for p in &t.parts {
                    let (addr, size) = (u64::from(p.offset), u64::from(p.size));
                    if p.ty == 1 && segs.overlapping(addr, addr + size).is_some() {
                        if let Some(r) = region_at(segs, addr, size, &format!("partition `{}`", p.name)) {
                            out.regions.push(r);
                        }
                    }
                }
                out.partitions = t.parts;
            }
            Err(m) => out.regions.push(FoundRegion { kind: RegionKind::Romfs, addr: esp::TABLE_OFFSET, size: 0, found_by: "partition table".into(), files: Vec::new(), error: Some(m) }),
        }
    } else {
        scan(segs, &mut out.regions);
    }
    Ok(out)
}

/// The filesystem starting at `addr`, if one is recognised there.
fn region_at(segs: &Segments, addr: u64, size: u64, found_by: &str) -> Option<FoundRegion> {
    let head = segs.read(addr, 4096.min(size as usize), 0xff);
    let mut r = FoundRegion { kind: RegionKind::Romfs, addr, size, found_by: found_by.to_string(), files: Vec::new(), error: None };
    let list = |v: Vec<(String, Vec<u8>)>| v.into_iter().map(|(p, d)| (p, d.len() as u64)).collect();
    if head.starts_with(&[0xd2, 0xcd, 0x31]) {
        match romfs::parse_image(&segs.read(addr, size as usize, 0xff)) {
            Ok(v) => r.files = list(v),
            Err(e) => r.error = Some(e.to_string()),
        }
    } else if littlefs::looks_like(&head) {
        r.kind = RegionKind::Littlefs;
        match littlefs::read(&segs.read(addr, size as usize, 0xff)) {
            Ok(c) => r.files = list(c.files),
            Err(e) => r.error = Some(e.to_string()),
        }
    } else if fat::looks_like(&head) {
        r.kind = RegionKind::Fat;
        match fat::read(&segs.read(addr, size as usize, 0xff)) {
            Ok(v) => r.files = list(v),
            Err(e) => r.error = Some(e),
        }
    } else {
        return None;
    }
    Some(r)
}

/// Looks for filesystems in every run of the image.
fn scan(segs: &Segments, out: &mut Vec<FoundRegion>) {
    for (start, data) in segs.runs() {
        let end = start + data.len() as u64;
        let mut a = start.div_ceil(512) * 512;
        while a + 512 <= end {
            let off = (a - start) as usize;
            let b = &data[off..];
            let aligned4k = a % 4096 == 0;
            let found = if aligned4k && b.starts_with(&[0xd2, 0xcd, 0x31]) {
                let size = romfs::parse_image(b).map(|_| ()).ok().map(|()| romfs_len(b)).unwrap_or(0);
                (size > 0).then(|| region_at(segs, a, size, "scan: ROMFS header")).flatten()
            } else if aligned4k && littlefs::looks_like(b) {
                match littlefs::read(b) {
                    Ok(c) => Some(FoundRegion {
                        kind: RegionKind::Littlefs,
                        addr: a,
                        size: u64::from(c.block_size) * u64::from(c.block_count),
                        found_by: "scan: littlefs superblock".into(),
                        files: c.files.into_iter().map(|(p, d)| (p, d.len() as u64)).collect(),
                        error: None,
                    }),
                    Err(e) => Some(FoundRegion { kind: RegionKind::Littlefs, addr: a, size: 0, found_by: "scan: littlefs superblock".into(), files: Vec::new(), error: Some(e.to_string()) }),
                }
            } else if fat::looks_like(b) && (b.get(0x36..0x39) == Some(b"FAT") || b.get(0x52..0x57) == Some(b"FAT32")) {
                let sectors = u64::from(u16::from_le_bytes([b[19], b[20]])).max(u64::from(u32::from_le_bytes([b[32], b[33], b[34], b[35]])));
                let size = sectors * u64::from(u16::from_le_bytes([b[11], b[12]]));
                region_at(segs, a, size.min(end - a), "scan: FAT boot sector")
            } else {
                None
            };
            match found {
                Some(r) => {
                    let skip = r.size.max(512);
                    out.push(r);
                    a = (a + skip).div_ceil(512) * 512;
                }
                None => a += 512,
            }
        }
    }
}

/// Length of a ROMFS image from its header (3-byte kind, vuint length).
fn romfs_len(b: &[u8]) -> u64 {
    let mut v: u64 = 0;
    for (i, &byte) in b.iter().enumerate().skip(3).take(10) {
        v = (v << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return i as u64 + 1 + v;
        }
    }
    0
}
