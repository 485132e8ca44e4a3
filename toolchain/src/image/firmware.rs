//! `mpbuild image`: one flashable file holding a stock MicroPython firmware and the compiled project.
//!
//! Steps (each reported as an [`Operation::Image`] item): read and check the base firmware, compile the
//! project, build the region's contents (ROMFS image, or a littlefs/FAT filesystem filling the whole region
//! so no stale data of an earlier filesystem survives), place it (refusing overlaps with the firmware's
//! data), then write the output in the base's format (UF2 renumbered, HEX, flat `.bin`) atomically.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::base::{self, Base, Format};
use super::place::{self, Placement, Region, RegionKind, RegionOverride};
use super::segments::Segments;
use super::{fat, hexfile, littlefs, romfs, uf2};
use crate::boards::Board;
use crate::build::{compile_units, CompileSettings};
use crate::cache::Cache;
use crate::compiler::Compiler;
use crate::error::{Error, Result};
use crate::fsutil;
use crate::progress::{ItemStatus, Operation, Progress, ProgressEvent};
use crate::project::Project;

/// What to build.
#[derive(Clone, Debug)]
pub struct ImageOptions {
    pub base: PathBuf,
    pub board: Board,
    pub output: PathBuf,
    pub placement: Placement,
    pub region: RegionOverride,
    /// Output format (default: the base's).
    pub format: Option<Format>,
}

/// One file placed in the region.
#[derive(Clone, Debug, Serialize)]
pub struct PlacedFile {
    pub path: String,
    pub size: u64,
}

/// What `mpbuild image` did.
#[derive(Clone, Debug, Serialize)]
pub struct ImageReport {
    pub output: PathBuf,
    pub format: Format,
    pub base: PathBuf,
    pub base_format: Format,
    /// The firmware's address ranges, `[start, end)`.
    pub base_ranges: Vec<(u64, u64)>,
    pub region: Region,
    /// Bytes of the region the project uses (ROMFS image length, filesystem blocks in use).
    pub region_used: u64,
    pub files: Vec<PlacedFile>,
    /// UF2 only: blocks written and the family of the project's blocks.
    pub uf2_blocks: Option<usize>,
    pub uf2_family: Option<u32>,
    pub output_bytes: u64,
    pub elapsed_ms: f64,
}

fn step(progress: &dyn Progress, name: &str) {
    progress.event(ProgressEvent::Item { op: Operation::Image, name: name.to_string(), status: ItemStatus::Written });
}

/// Builds the image and writes it atomically.
pub fn build(project: &Project, compiler: &dyn Compiler, cache: &Cache, opts: &ImageOptions, progress: &dyn Progress) -> Result<ImageReport> {
    let t0 = Instant::now();
    let bytes = std::fs::read(&opts.base).map_err(|e| Error::io("read", &opts.base, e))?;
    let base = base::load(&opts.base, &bytes, &opts.board).map_err(|(message, help)| Error::ImageBase { message, help })?;

    let units = project.units()?;
    let artifacts = compile_units(project, &units, compiler, cache, &CompileSettings::default(), progress)?;
    let files: Vec<(String, Vec<u8>)> = artifacts.iter().map(|a| (a.unit.out.clone(), a.bytes.clone())).collect();

    progress.event(ProgressEvent::Started { op: Operation::Image, total: 4 });
    step(progress, "base firmware");
    let (out, report) = assemble(&base, &files, opts)?;
    step(progress, "region");
    fsutil::write_atomic(&opts.output, &out)?;
    step(progress, "write");
    progress.event(ProgressEvent::Finished { op: Operation::Image });
    Ok(ImageReport { elapsed_ms: t0.elapsed().as_secs_f64() * 1000.0, ..report })
}

/// Places `files` into `base` and serialises the result (nothing is written).
pub fn assemble(base: &Base, files: &[(String, Vec<u8>)], opts: &ImageOptions) -> Result<(Vec<u8>, ImageReport)> {
    // The ROMFS image is built first: its size decides a new ESP32 partition's size.
    let romfs_image = romfs::build_image(files)?;
    let region = place::place(base, &opts.board, opts.placement, opts.region, romfs_image.len() as u64)?;
    let end = region.addr + region.size;
    let too_large = |what: &str, size: u64| Error::ImageTooLarge { what: what.to_string(), size, capacity: region.size, addr: region.addr, end };
    let (data, used) = match region.kind {
        RegionKind::Romfs => {
            if romfs_image.len() as u64 > region.size {
                return Err(too_large("ROMFS image", romfs_image.len() as u64));
            }
            let mut d = romfs_image.clone();
            // Whole UF2/flash pages.
            d.resize(d.len().div_ceil(uf2::PAYLOAD) * uf2::PAYLOAD, 0xff);
            (d, romfs_image.len() as u64)
        }
        RegionKind::Littlefs => {
            let bs = region.block_size;
            if region.size % u64::from(bs) != 0 || region.size / u64::from(bs) < 2 {
                return Err(Error::ImageLayout {
                    message: format!("the region at {:#010x} ({:#x} bytes) is not a whole number (at least 2) of {bs}-byte blocks", region.addr, region.size),
                    help: "check --region-offset/--region-size".to_string(),
                });
            }
            let mut cfg = littlefs::LfsConfig::new(bs, (region.size / u64::from(bs)) as u32);
            cfg.prog_size = region.prog_size.max(1).min(bs);
            let img = littlefs::build(cfg, files).map_err(|e| match e {
                littlefs::LfsError::TooLarge { needed, block_size, .. } => too_large("littlefs filesystem", needed * u64::from(block_size)),
                littlefs::LfsError::BadName(name, reason) => Error::BadName { name, reason },
                other => Error::ImageLayout { message: other.to_string(), help: "check --region-offset/--region-size".to_string() },
            })?;
            let used_blocks = img.chunks(bs as usize).filter(|b| b.iter().any(|&x| x != 0xff)).count() as u64;
            (img, used_blocks * u64::from(bs))
        }
        RegionKind::Fat => {
            let img = fat::build(region.size, region.block_size as u16, files).map_err(|m| {
                if m.contains("full") {
                    let total: u64 = files.iter().map(|(_, d)| d.len() as u64).sum();
                    too_large("FAT filesystem", total.max(region.size + 1))
                } else {
                    Error::ImageLayout { message: m, help: "check the board's filesystem facts (mpbuild boards BOARD)".to_string() }
                }
            })?;
            (img, files.iter().map(|(_, d)| d.len() as u64).sum())
        }
    };

    let mut segs: Segments = base.segments.clone();
    // 0xFF padding of the base inside the region is erased flash, not data: it may be replaced.
    let mut at = region.addr;
    while let Some((s, e)) = segs.overlapping(at, end) {
        let (from, to) = (s.max(region.addr), e.min(end));
        let bytes = segs.read(from, (to - from) as usize, 0xff);
        if bytes.iter().any(|&b| b != 0xff) {
            let first = from + bytes.iter().position(|&b| b != 0xff).unwrap_or(0) as u64;
            return Err(Error::ImageOverlap {
                message: format!(
                    "the {} region {:#010x}..{end:#010x} ({}) overlaps the firmware's data at {s:#010x}..{e:#010x} (first non-erased byte at {first:#010x})",
                    region.kind.name(),
                    region.addr,
                    region.origin
                ),
                help: "the base file already holds data there (an image built earlier?): start from the stock firmware, or move the region with --region-offset".to_string(),
            });
        }
        segs.remove_range(from, to);
        at = to;
    }
    if let Some(t) = &region.new_table {
        segs.overwrite(super::esp::TABLE_OFFSET, t);
    }
    segs.insert(region.addr, &data).map_err(|o| Error::ImageOverlap { message: o.to_string(), help: String::new() })?;

    let format = opts.format.unwrap_or(base.format.output());
    let (out, uf2_blocks, uf2_family) = serialise(base, &opts.board, &segs, &region, &data, format)?;
    let report = ImageReport {
        output: opts.output.clone(),
        format,
        base: opts.base.clone(),
        base_format: base.format,
        base_ranges: base.segments.runs().map(|(a, d)| (a, a + d.len() as u64)).collect(),
        region: region.clone(),
        region_used: used,
        files: files.iter().map(|(p, d)| PlacedFile { path: p.clone(), size: d.len() as u64 }).collect(),
        uf2_blocks,
        uf2_family,
        output_bytes: out.len() as u64,
        elapsed_ms: 0.0,
    };
    Ok((out, report))
}

/// The family of the base's firmware blocks (the most common one, not counting RP2350's absolute/data
/// families), else the board's first.
fn main_family(base: &Base, board: &Board) -> Option<u32> {
    uf2::families(&base.uf2_blocks)
        .into_iter()
        .filter(|(f, _)| !matches!(f, Some(uf2::RP2XXX_ABSOLUTE | uf2::RP2XXX_DATA)))
        .max_by_key(|(_, n)| *n)
        .and_then(|(f, _)| f)
        .or_else(|| board.uf2_families.first().copied())
}

fn serialise(base: &Base, board: &Board, segs: &Segments, region: &Region, data: &[u8], format: Format) -> Result<(Vec<u8>, Option<usize>, Option<u32>)> {
    let unsupported = |m: String| Error::ImageLayout { message: m, help: "pick another --format".to_string() };
    match format {
        Format::Uf2 => {
            if base.format != Format::Uf2 {
                return Err(unsupported(format!("a UF2 output needs a UF2 base (the base is {})", base.format.name())));
            }
            if !region.addr.is_multiple_of(uf2::PAYLOAD as u64) || region.addr + data.len() as u64 > u64::from(u32::MAX) {
                return Err(unsupported(format!("the region at {:#x} is not a 256-byte aligned 32-bit address", region.addr)));
            }
            let fam = main_family(base, board);
            let global = uf2::numbered_globally(&base.uf2_blocks);
            let mut blocks = base.uf2_blocks.clone();
            blocks.extend(uf2::blocks_for(region.addr as u32, data, fam));
            let n = blocks.len();
            Ok((uf2::write(&mut blocks, global), Some(n), fam))
        }
        Format::Hex | Format::Elf => {
            let text = hexfile::write(segs, &base.hex_start).map_err(unsupported)?;
            Ok((text.into_bytes(), None, None))
        }
        Format::EspBin | Format::Bin => {
            let (lo, hi) = segs.span().unwrap_or((base.file_offset, base.file_offset));
            if lo < base.file_offset {
                return Err(unsupported(format!("data at {lo:#010x} lies below the .bin's start {:#010x}", base.file_offset)));
            }
            if hi - base.file_offset > 256 << 20 {
                return Err(unsupported(format!(
                    "a flat .bin from {:#010x} to {hi:#010x} would be {} MiB: the data is spread over distant regions",
                    base.file_offset,
                    (hi - base.file_offset) >> 20
                )));
            }
            Ok((segs.flatten(base.file_offset, 0xff), None, None))
        }
    }
}

/// The default output path: `build/<name>-<BOARD>.<ext>` in the project.
pub fn default_output(project: &Project, board: &Board, base: &Path) -> PathBuf {
    let ext = std::fs::read(base).ok().and_then(|b| base::detect(base, &b)).map_or("bin", |f| f.output().extension());
    project.path(&format!("build/{}-{}.{ext}", project.name(), board.full_id()))
}
