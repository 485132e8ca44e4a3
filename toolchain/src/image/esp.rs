//! ESP32-family merged firmware `.bin` files: the chip in the bootloader's image header, the partition
//! table at flash offset `0x8000`, and rewriting that table to make room for a ROMFS partition.
//!
//! A merged file (what micropython.org ships, `esptool merge-bin` output) starts at the chip's bootloader
//! offset (`0x1000` on ESP32 and ESP32-S2, `0` on S3/C3/C6, `0x2000` on P4: `EspChip::bootloader_offset`),
//! so file byte `i` is flash offset `i + bootloader offset`. The bootloader begins with an ESP image header:
//! magic `0xE9` at byte 0, the extended header's chip ID at bytes 12..14 (`esp_chip_id_t`).
//!
//! Partition table (ESP-IDF `gen_esp32part.py`, `esp_partition`): 32-byte entries `aa 50 type subtype
//! offset(le32) size(le32) name[16] flags(le32)`, then an MD5 entry `eb eb ff*14 md5[16]` over the entries
//! before it, then `ff*32`; at most `0xC00` bytes at flash offset `0x8000`. MicroPython's ROMFS partition is
//! a data partition (type 1) of subtype `0x8f` named `romfs` (`ports/esp32/partitions-4MiB-romfs.csv`).
//! Tables are parsed here (esp-idf-part 0.6 panics on the `0x8f` subtype) and written with esp-idf-part's
//! `to_bin`, which computes the MD5 entry.

use esp_idf_part::{Flags, Partition, PartitionTable, SubType, Type};

use crate::deploy::flash::esp::EspChip;

/// Flash offset of the partition table (ESP-IDF's default `CONFIG_PARTITION_TABLE_OFFSET`).
pub const TABLE_OFFSET: u64 = 0x8000;
pub const TABLE_MAX: usize = 0xC00;
/// Partitions a written table holds at most: `TABLE_MAX` less the MD5 entry and the end marker.
pub const MAX_PARTITIONS: usize = TABLE_MAX / 32 - 2;
/// Data subtype MicroPython's esp32 port looks for as the ROMFS partition.
pub const ROMFS_SUBTYPE: u8 = 0x8f;
const MD5_MAGIC: [u8; 16] = [0xeb, 0xeb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

/// One partition as read from the binary table.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Part {
    pub name: String,
    pub ty: u8,
    pub subtype: u8,
    pub offset: u32,
    pub size: u32,
    pub flags: u32,
}

impl Part {
    pub fn is_romfs(&self) -> bool {
        self.ty == 1 && (self.subtype == ROMFS_SUBTYPE || self.name == "romfs")
    }

    /// The ESP-IDF names of the type and subtype.
    pub fn describe(&self) -> String {
        let ty = match self.ty {
            0 => "app",
            1 => "data",
            _ => "custom",
        };
        let sub = match (self.ty, self.subtype) {
            (0, 0) => "factory".to_string(),
            (0, 0x10..=0x1f) => format!("ota_{}", self.subtype - 0x10),
            (1, 0) => "ota".to_string(),
            (1, 1) => "phy".to_string(),
            (1, 2) => "nvs".to_string(),
            (1, 0x81) => "fat".to_string(),
            (1, 0x82) => "spiffs".to_string(),
            (1, 0x83) => "littlefs".to_string(),
            (1, ROMFS_SUBTYPE) => "romfs (0x8f)".to_string(),
            (_, s) => format!("{s:#04x}"),
        };
        format!("{ty}/{sub}")
    }
}

/// The partition table of a merged image.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Table {
    pub parts: Vec<Part>,
    /// Whether an MD5 entry was present (and matched).
    pub md5: bool,
}

impl Table {
    pub fn find(&self, pred: impl Fn(&Part) -> bool) -> Option<&Part> {
        self.parts.iter().find(|p| pred(p))
    }
}

/// Reads a binary partition table; errors name the flash offset in hex.
pub fn parse_table(bytes: &[u8]) -> Result<Table, String> {
    use md5::Digest;
    let mut ctx = md5::Md5::new();
    let mut parts = Vec::new();
    let mut md5 = false;
    for (i, e) in bytes.chunks_exact(32).enumerate().take(TABLE_MAX / 32) {
        let at = TABLE_OFFSET + (i * 32) as u64;
        if e[..2] == [0xaa, 0x50] {
            let le = |o: usize| u32::from_le_bytes([e[o], e[o + 1], e[o + 2], e[o + 3]]);
            let name_end = e[12..28].iter().position(|&c| c == 0).unwrap_or(16);
            parts.push(Part {
                name: String::from_utf8_lossy(&e[12..12 + name_end]).into_owned(),
                ty: e[2],
                subtype: e[3],
                offset: le(4),
                size: le(8),
                flags: le(28),
            });
            ctx.update(e);
        } else if e[..16] == MD5_MAGIC {
            let want = ctx.clone().finalize();
            if want.as_slice() != &e[16..32] {
                return Err(format!("the partition table's MD5 entry at {at:#x} does not match its entries"));
            }
            md5 = true;
        } else if e.iter().all(|&b| b == 0xff) {
            if parts.is_empty() {
                return Err(format!("no partition table at {TABLE_OFFSET:#x} (erased flash)"));
            }
            return Ok(Table { parts, md5 });
        } else {
            return Err(format!("the partition table entry at {at:#x} has no aa 50 magic"));
        }
    }
    if parts.is_empty() {
        Err(format!("no partition table at {TABLE_OFFSET:#x}"))
    } else {
        Err(format!("the partition table at {TABLE_OFFSET:#x} has no end marker"))
    }
}

/// Writes `parts` as a binary table (sorted by offset, MD5 entry included) through esp-idf-part, after its
/// checks (overlaps, alignment, duplicate names).
pub fn write_table(parts: &[Part]) -> Result<Vec<u8>, String> {
    // esp-idf-part adds offset and size in `u32` when it checks overlaps: a partition running past 4 GiB
    // (possible in a table read from a corrupt image) would overflow there.
    if let Some(p) = parts.iter().find(|p| p.offset.checked_add(p.size).is_none()) {
        return Err(format!(
            "the new partition table is invalid: partition `{}` at {:#x} with size {:#x} ends past 4 GiB",
            p.name, p.offset, p.size
        ));
    }
    // The entries, the MD5 entry and the `ff*32` end marker must fit in `TABLE_MAX` bytes (ESP-IDF's
    // gen_esp32part.py refuses a longer table too); a table read without an MD5 entry may have one more.
    if parts.len() > MAX_PARTITIONS {
        return Err(format!(
            "the new partition table is invalid: {} partitions, at most {MAX_PARTITIONS} fit in {TABLE_MAX:#x} bytes with its MD5 entry and end marker",
            parts.len()
        ));
    }
    let mut sorted = parts.to_vec();
    sorted.sort_by_key(|p| p.offset);
    let list: Vec<Partition> = sorted
        .iter()
        .map(|p| {
            let ty = match p.ty {
                0 => Type::App,
                1 => Type::Data,
                t => Type::Custom(t),
            };
            Partition::new(p.name.clone(), ty, SubType::Custom(p.subtype), p.offset, p.size, Flags::from_bits_retain(p.flags))
        })
        .collect();
    let table = PartitionTable::new(list);
    table.validate().map_err(|e| format!("the new partition table is invalid: {e}"))?;
    table.to_bin().map_err(|e| e.to_string())
}

/// The chip an image header names (`None` when the chip ID is unknown).
pub fn chip_of(bytes: &[u8]) -> Option<EspChip> {
    crate::deploy::flash::esp::chip_from_image(bytes)
}

/// The chip a board's MCU name denotes (`ESP32-S3` → esp32s3).
pub fn chip_for_mcu(mcu: &str) -> Option<EspChip> {
    EspChip::from_name(&mcu.to_ascii_lowercase().replace('-', ""))
}

/// Carves a ROMFS partition of `size` bytes (rounded up to 64 KiB, the flash MMU page, so it can be
/// memory-mapped) from the end of the partition `from`, returning the new table and the ROMFS partition.
pub fn carve_romfs(table: &Table, from: &str, size: u64) -> Result<(Vec<Part>, Part), String> {
    const PAGE: u64 = 0x10000;
    let size = size.max(1).div_ceil(PAGE) * PAGE;
    let Some(src) = table.find(|p| p.name == from) else {
        return Err(format!("the partition table has no `{from}` partition to take the ROMFS partition from"));
    };
    let end = u64::from(src.offset) + u64::from(src.size);
    let start = end.checked_sub(size).filter(|s| *s > u64::from(src.offset)).ok_or_else(|| {
        format!(
            "a ROMFS partition of {size:#x} bytes does not fit in `{from}` ({:#x}..{end:#x}, {:#x} bytes) with room left for it",
            src.offset, src.size
        )
    })?;
    let romfs = Part { name: "romfs".to_string(), ty: 1, subtype: ROMFS_SUBTYPE, offset: start as u32, size: size as u32, flags: 0 };
    let mut parts: Vec<Part> = table.parts.clone();
    for p in &mut parts {
        if p.name == from {
            p.size = (start - u64::from(p.offset)) as u32;
        }
    }
    parts.push(romfs.clone());
    Ok((parts, romfs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stock() -> Vec<Part> {
        let p = |name: &str, ty, subtype, offset, size| Part { name: name.into(), ty, subtype, offset, size, flags: 0 };
        vec![
            p("nvs", 1, 2, 0x9000, 0x6000),
            p("phy_init", 1, 1, 0xf000, 0x1000),
            p("factory", 0, 0, 0x10000, 0x1F0000),
            p("vfs", 1, 0x81, 0x200000, 0x200000),
        ]
    }

    /// Found by the `image_readers` fuzz target: a partition ending past 4 GiB made esp-idf-part's overlap
    /// check overflow (a panic in debug builds); it is an error naming the partition.
    #[test]
    fn partition_past_4_gib_is_an_error() {
        let mut parts = stock();
        parts[3].offset = 0xffff_0000;
        parts[3].size = 0x20000;
        let e = write_table(&parts).unwrap_err();
        assert!(e.contains("`vfs` at 0xffff0000 with size 0x20000 ends past 4 GiB"), "{e}");
    }

    /// Found by the `image_readers` fuzz target: a table of 95 entries without an MD5 entry reads, but
    /// written back with its MD5 entry it left no room for the end marker. At most 94 are written.
    #[test]
    fn full_table_is_an_error_not_an_unreadable_table() {
        let many = |n: usize| -> Vec<Part> {
            (0..n)
                .map(|i| match i {
                    0 => Part { name: "factory".into(), ty: 0, subtype: 0, offset: 0x10000, size: 0x10000, flags: 0 },
                    _ => Part { name: format!("p{i}"), ty: 1, subtype: 0x81, offset: 0x20000 + i as u32 * 0x1000, size: 0x1000, flags: 0 },
                })
                .collect()
        };
        let bin = write_table(&many(MAX_PARTITIONS)).unwrap();
        assert_eq!(parse_table(&bin).unwrap().parts.len(), MAX_PARTITIONS);
        let e = write_table(&many(MAX_PARTITIONS + 1)).unwrap_err();
        assert!(e.contains("95 partitions, at most 94 fit in 0xc00 bytes"), "{e}");
    }

    #[test]
    fn write_parse_round_trip_with_md5() {
        let bin = write_table(&stock()).unwrap();
        assert_eq!(bin.len(), TABLE_MAX);
        let t = parse_table(&bin).unwrap();
        assert!(t.md5);
        assert_eq!(t.parts, stock());
        let mut bad = bin.clone();
        bad[5] ^= 1;
        assert!(parse_table(&bad).unwrap_err().contains("MD5"));
    }

    #[test]
    fn romfs_is_carved_from_vfs() {
        let t = Table { parts: stock(), md5: true };
        let (parts, romfs) = carve_romfs(&t, "vfs", 70_000).unwrap();
        assert_eq!((romfs.offset, romfs.size), (0x3E0000, 0x20000));
        let bin = write_table(&parts).unwrap();
        let back = parse_table(&bin).unwrap();
        assert!(back.find(Part::is_romfs).is_some());
        assert_eq!(back.find(|p| p.name == "vfs").unwrap().size, 0x1E0000);
        assert!(carve_romfs(&t, "vfs", 0x200000).is_err());
        assert!(carve_romfs(&t, "nope", 10).is_err());
    }

    #[test]
    fn garbage_tables_are_errors() {
        assert!(parse_table(&[0xff; 64]).is_err());
        assert!(parse_table(&[0x00; 64]).unwrap_err().contains("0x8000"));
    }
}
