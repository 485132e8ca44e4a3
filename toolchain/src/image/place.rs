//! Where the project goes in a firmware image: the ROMFS partition when the firmware (ESP32 partition table)
//! or the board table has one, else the board's own filesystem region, pre-formatted (littlefs v2 or FAT)
//! so the stock firmware mounts it at boot. On ESP32 chips a ROMFS partition can be asked for explicitly:
//! it is carved from the end of the `vfs` partition and the partition table rewritten.

use serde::Serialize;

use super::base::{Base, Format};
use super::esp;
use crate::boards::Board;
use crate::error::Error;

/// What the user asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Placement {
    /// ROMFS when the firmware has a ROMFS partition, else the filesystem.
    #[default]
    Auto,
    /// A ROMFS partition (on ESP32 chips one is made in the partition table when missing).
    Romfs,
    /// The board's read/write filesystem, pre-formatted.
    Filesystem,
}

/// What the region holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegionKind {
    Romfs,
    Littlefs,
    Fat,
}

impl RegionKind {
    pub fn name(self) -> &'static str {
        match self {
            RegionKind::Romfs => "ROMFS",
            RegionKind::Littlefs => "littlefs v2",
            RegionKind::Fat => "FAT",
        }
    }
}

/// The project's region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Region {
    pub kind: RegionKind,
    /// Address (flash offset on ESP32) of the region's first byte.
    pub addr: u64,
    pub size: u64,
    pub block_size: u32,
    /// littlefs program size the port mounts with.
    pub prog_size: u32,
    /// Where the location comes from (partition table, board table, command line).
    pub origin: String,
    /// A rewritten ESP32 partition table (flash offset `0x8000`), when a ROMFS partition was made.
    #[serde(skip)]
    pub new_table: Option<Vec<u8>>,
}

/// A region given on the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegionOverride {
    pub addr: Option<u64>,
    pub size: Option<u64>,
}

fn layout(message: String, help: &str) -> Error {
    Error::ImageLayout { message, help: help.to_string() }
}

/// The filesystem kind of the board, with block and program size.
fn board_fs(board: &Board) -> Result<(RegionKind, u32, u32), Error> {
    let bs = board.filesystem_block_size.unwrap_or(4096) as u32;
    match board.filesystem.as_deref() {
        // rp2 mounts with progsize=256 (ports/rp2/modules/_boot.py); other ports use VfsLfs2's default 32.
        Some("littlefs2") => Ok((RegionKind::Littlefs, bs, if board.port == "rp2" { 256 } else { 32 })),
        Some("fat") => Ok((RegionKind::Fat, bs, 0)),
        Some(other) => Err(layout(format!("board {} uses filesystem `{other}`, which mpbuild cannot write", board.full_id()), "use --place romfs with a ROMFS region")),
        None => Err(layout(
            format!("the board table does not say which filesystem {} uses", board.full_id()),
            "pass --place romfs with --region-offset and --region-size for firmware with a ROMFS partition",
        )),
    }
}

/// Decides the region. `romfs_len` is the size of the project's ROMFS image (for sizing a new partition).
pub fn place(base: &Base, board: &Board, want: Placement, ov: RegionOverride, romfs_len: u64) -> Result<Region, Error> {
    if let (Some(addr), Some(size)) = (ov.addr, ov.size) {
        let (kind, bs, prog) = if want == Placement::Romfs { (RegionKind::Romfs, 4096, 0) } else { board_fs(board)? };
        return Ok(Region { kind, addr, size, block_size: bs, prog_size: prog, origin: "--region-offset/--region-size".to_string(), new_table: None });
    }
    if ov.addr.is_some() || ov.size.is_some() {
        return Err(layout("--region-offset and --region-size go together".to_string(), "give both, in bytes (0x... accepted)"));
    }
    if base.format == Format::EspBin {
        return place_esp(base, board, want, romfs_len);
    }
    let romfs = match (board.romfs_offset, board.romfs_bytes) {
        (Some(a), Some(s)) if s > 0 => Some((a, s)),
        _ => None,
    };
    if want != Placement::Filesystem {
        if let Some((addr, size)) = romfs {
            return Ok(Region { kind: RegionKind::Romfs, addr, size, block_size: 4096, prog_size: 0, origin: format!("board table: {} romfs_offset/romfs_bytes", board.full_id()), new_table: None });
        }
        if want == Placement::Romfs {
            return Err(layout(
                format!("board {} has no ROMFS partition in its stock firmware", board.full_id()),
                "for firmware built with one, pass --region-offset and --region-size (its address and size); or use --place filesystem",
            ));
        }
    }
    let (kind, bs, prog) = board_fs(board)?;
    match (board.filesystem_offset, board.filesystem_bytes) {
        (Some(addr), Some(size)) if size > 0 => Ok(Region {
            kind,
            addr,
            size,
            block_size: bs,
            prog_size: prog,
            origin: format!("board table: {} filesystem_offset/filesystem_bytes", board.full_id()),
            new_table: None,
        }),
        _ => Err(layout(
            format!("the board table does not say where {}'s filesystem is", board.full_id()),
            "pass --region-offset and --region-size",
        )),
    }
}

fn place_esp(base: &Base, board: &Board, want: Placement, romfs_len: u64) -> Result<Region, Error> {
    let start = esp::TABLE_OFFSET;
    if !base.segments.covers(start, start + 32) {
        return Err(Error::ImageBase {
            message: format!("the base image has no partition table at {start:#x}: it looks like an application image, not a merged firmware"),
            help: "use the full firmware .bin of a MicroPython release (bootloader, partition table and application in one file)".to_string(),
        });
    }
    let bytes = base.segments.read(start, esp::TABLE_MAX, 0xff);
    let table = esp::parse_table(&bytes).map_err(|m| Error::ImageBase { message: m, help: "the base image is damaged; download it again".to_string() })?;
    if want != Placement::Filesystem {
        if let Some(p) = table.find(esp::Part::is_romfs) {
            return Ok(Region { kind: RegionKind::Romfs, addr: u64::from(p.offset), size: u64::from(p.size), block_size: 4096, prog_size: 0, origin: format!("partition table: `{}` ({})", p.name, p.describe()), new_table: None });
        }
        if want == Placement::Romfs {
            let (parts, romfs) = esp::carve_romfs(&table, "vfs", romfs_len).map_err(|m| layout(m, "use --place filesystem, or a firmware with a larger `vfs` partition"))?;
            let bin = esp::write_table(&parts).map_err(|m| layout(m, "this is a bug in mpbuild; please report it"))?;
            return Ok(Region {
                kind: RegionKind::Romfs,
                addr: u64::from(romfs.offset),
                size: u64::from(romfs.size),
                block_size: 4096,
                prog_size: 0,
                origin: "partition table: new `romfs` partition (data/0x8f) carved from the end of `vfs`".to_string(),
                new_table: Some(bin),
            });
        }
    }
    let Some(vfs) = table.find(|p| p.name == "vfs" && p.ty == 1) else {
        return Err(layout("the partition table has no `vfs` data partition for the filesystem".to_string(), "use --place romfs, or --region-offset/--region-size"));
    };
    let (kind, bs, prog) = board_fs(board).unwrap_or((RegionKind::Littlefs, 4096, 32));
    Ok(Region { kind, addr: u64::from(vfs.offset), size: u64::from(vfs.size), block_size: bs, prog_size: prog, origin: format!("partition table: `vfs` ({})", vfs.describe()), new_table: None })
}
