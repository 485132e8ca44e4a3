//! `mpbuild image`: one flashable file with a stock MicroPython firmware and the project baked in, and
//! `mpbuild image --inspect FILE` to list what a firmware file holds.

use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;

use super::{Global, Out};
use crate::boards;
use crate::image::base::Format;
use crate::image::firmware::{self, ImageOptions};
use crate::image::inspect;
use crate::image::place::{Placement, RegionOverride};
use crate::project::Project;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Place {
    /// ROMFS when the firmware has a ROMFS partition, else the board's filesystem.
    Auto,
    /// A ROMFS partition (made in the partition table on ESP32 chips when missing).
    Romfs,
    /// The board's filesystem, pre-formatted (littlefs v2 or FAT).
    Filesystem,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutFormat {
    Uf2,
    Hex,
    Bin,
}

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// Project directory or configuration file (default: search upwards from here).
    pub project: Option<PathBuf>,
    /// The stock firmware file (.uf2, .hex, .bin, .elf).
    #[arg(long, value_name = "FIRMWARE", conflicts_with_all = ["download", "inspect"])]
    pub base: Option<PathBuf>,
    /// Download the board's firmware of this MicroPython release (cached) instead of --base.
    #[arg(long, value_name = "VERSION", conflicts_with = "inspect")]
    pub download: Option<String>,
    /// Board ID (default: [target] board of the project).
    #[arg(long, value_name = "BOARD")]
    pub board: Option<String>,
    /// Board variant.
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,
    /// Output file (default: build/<name>-<BOARD>.<ext>).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Where the project goes.
    #[arg(long, value_enum, default_value_t = Place::Auto)]
    pub place: Place,
    /// Address of the project's region (instead of the partition table or board table).
    #[arg(long, value_name = "ADDR", value_parser = parse_num, requires = "region_size")]
    pub region_offset: Option<u64>,
    /// Size of the project's region in bytes.
    #[arg(long, value_name = "BYTES", value_parser = parse_num, requires = "region_offset")]
    pub region_size: Option<u64>,
    /// Output format (default: the base's; ELF bases give HEX).
    #[arg(long, value_enum)]
    pub format: Option<OutFormat>,
    /// List what a firmware file holds instead of building.
    #[arg(long, value_name = "FILE")]
    pub inspect: Option<PathBuf>,
}

fn parse_num(s: &str) -> Result<u64, String> {
    let s = s.replace('_', "");
    let r = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(h) => u64::from_str_radix(h, 16),
        None => s.parse(),
    };
    r.map_err(|_| format!("`{s}` is not a number (decimal, or hex with 0x)"))
}

impl Cmd {
    pub fn run(self, g: &Global, out: &Out) -> anyhow::Result<()> {
        if let Some(file) = &self.inspect {
            let board = match &self.board {
                Some(b) => Some(boards::find(b, self.variant.as_deref())?),
                None => None,
            };
            let bytes = std::fs::read(file).map_err(|e| crate::error::Error::io("read", file, e))?;
            let report = inspect::inspect(file, &bytes, board.as_ref())?;
            print_inspection(out, file, &report);
            out.json(&serde_json::json!({ "ok": true, "inspect": report }));
            return Ok(());
        }
        let mut project = Project::load(self.project.as_deref())?;
        if let Some(b) = &self.board {
            project.config.target.board = Some(b.clone());
            project.config.target.variant.clone_from(&self.variant);
            project.target = crate::target::Target::resolve(&project.config.target)?;
        }
        let board = project.target.board.clone().ok_or_else(|| crate::error::Error::ImageLayout {
            message: "no board given".to_string(),
            help: "pass --board BOARD or set [target] board in mpbuild.toml".to_string(),
        })?;
        let bars = out.progress();
        let base = match (&self.base, &self.download) {
            (Some(b), _) => b.clone(),
            (None, Some(v)) => fetch(&board, v, &bars, out)?,
            (None, None) => anyhow::bail!("give the stock firmware with --base FILE, or --download VERSION"),
        };
        let output = self.output.clone().unwrap_or_else(|| firmware::default_output(&project, &board, &base));
        let opts = ImageOptions {
            base,
            board,
            output,
            placement: match self.place {
                Place::Auto => Placement::Auto,
                Place::Romfs => Placement::Romfs,
                Place::Filesystem => Placement::Filesystem,
            },
            region: RegionOverride { addr: self.region_offset, size: self.region_size },
            format: self.format.map(|f| match f {
                OutFormat::Uf2 => Format::Uf2,
                OutFormat::Hex => Format::Hex,
                OutFormat::Bin => Format::Bin,
            }),
        };
        let compiler = super::compiler(g);
        let cache = super::cache(g, &project);
        let report = firmware::build(&project, compiler.as_ref(), &cache, &opts, &bars)
            .with_context(|| format!("building an image of {}", project.root.display()))?;
        for f in &report.files {
            out.detail(format!("  {:>7}  {}", f.size, f.path));
        }
        let r = &report.region;
        out.line(format!(
            "{} {} ({}, {} bytes): {} + {} files in {} at {:#010x}..{:#010x} ({} of {} bytes used; {}) in {:.1} ms",
            out.good("wrote"),
            report.output.display(),
            report.format.name(),
            report.output_bytes,
            report.base_format.name(),
            report.files.len(),
            r.kind.name(),
            r.addr,
            r.addr + r.size,
            report.region_used,
            r.size,
            r.origin,
            report.elapsed_ms
        ));
        out.json(&serde_json::json!({ "ok": true, "image": report }));
        Ok(())
    }
}

#[cfg(feature = "download")]
fn fetch(board: &crate::boards::Board, version: &str, bars: &dyn crate::progress::Progress, out: &Out) -> anyhow::Result<PathBuf> {
    let f = crate::image::download::fetch(board, version, bars)?;
    match &f.url {
        Some(u) => out.line(format!("downloaded {u} ({} bytes) to {}", f.bytes, f.path.display())),
        None => out.line(format!("using cached {}", f.path.display())),
    }
    Ok(f.path)
}

#[cfg(not(feature = "download"))]
fn fetch(_: &crate::boards::Board, _: &str, _: &dyn crate::progress::Progress, _: &Out) -> anyhow::Result<PathBuf> {
    anyhow::bail!("this mpbuild was built without the `download` feature: pass --base FILE")
}

fn print_inspection(out: &Out, file: &std::path::Path, r: &inspect::Inspection) {
    out.line(format!("{}: {} ({} bytes)", file.display(), r.format.name(), r.bytes));
    for (a, b) in &r.ranges {
        out.line(format!("  data    {a:#010x}..{b:#010x} ({} bytes)", b - a));
    }
    if let Some(n) = r.uf2_blocks {
        out.line(format!("  UF2     {n} blocks, numbered {}", r.uf2_numbering.unwrap_or("?")));
        for f in &r.uf2_families {
            out.line(format!("          family {}: {} blocks", f.name, f.blocks));
        }
    }
    if let Some(c) = &r.esp_chip {
        out.line(format!("  chip    {c}"));
    }
    if !r.partitions.is_empty() {
        out.line(format!("  partition table at 0x8000{}:", if r.partition_md5 == Some(true) { " (MD5 ok)" } else { "" }));
        for p in &r.partitions {
            out.line(format!("    {:<12} {:<16} {:#010x} {:>8} bytes", p.name, p.describe(), p.offset, p.size));
        }
    }
    for g in &r.regions {
        out.line(format!("  {} at {:#010x}..{:#010x} ({}): {} entries", g.kind.name(), g.addr, g.addr + g.size, g.found_by, g.files.len()));
        if let Some(e) = &g.error {
            out.line(format!("    unreadable: {e}"));
        }
        for (p, n) in &g.files {
            out.line(format!("    {n:>8}  {p}"));
        }
    }
}
