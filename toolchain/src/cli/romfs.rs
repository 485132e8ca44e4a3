//! `mpbuild romfs [PROJECT] [-o IMAGE]`: a ROMFS image of the compiled project.

use std::path::PathBuf;

use super::{Global, Out};
use crate::image::romfs::{self, RomfsOptions};
use crate::project::Project;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cmd {
    /// `deploy`: write an image to the board's ROMFS partition.
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Project directory or configuration file (default: search upwards from here).
    pub project: Option<PathBuf>,
    /// Image path (default: [output] romfs, else build/<name>.romfs).
    #[arg(short, long, value_name = "IMAGE")]
    pub output: Option<PathBuf>,
    /// Partition size in bytes (overrides the board table and [romfs] partition-size).
    #[arg(long, value_name = "BYTES")]
    pub partition_size: Option<u64>,
    /// Prefix for the source names embedded in each .mpy (mpremote embeds `<dir>/`).
    #[arg(long, value_name = "PREFIX")]
    pub source_prefix: Option<String>,
    /// Compile native and viper code for this arch instead of the target's (`[target] arch`).
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,
}

/// What to do with the image instead of building it.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Write a ROMFS image to the board through vfs.rom_ioctl.
    Deploy(super::romfs_deploy::Cmd),
}

impl Cmd {
    pub fn run(self, g: &Global, out: &Out) -> anyhow::Result<()> {
        if let Some(Action::Deploy(d)) = self.action {
            return d.run(g, out);
        }
        let mut project = Project::load(self.project.as_deref())?;
        super::build::retarget(&mut project, self.arch.as_deref())?;
        let output = self.output.unwrap_or_else(|| project.romfs_path());
        let opts = RomfsOptions { partition_size: self.partition_size, source_prefix: self.source_prefix };
        let compiler = super::compiler(g);
        let cache = super::cache(g, &project);
        let bars = out.progress();
        let report = romfs::build_to(&project, compiler.as_ref(), &cache, &opts, &output, &bars)?;
        for f in &report.files {
            out.detail(format!("  {:>7}  {}", f.size, f.path));
        }
        let cap = match report.capacity {
            Some(c) => format!(" of {c} ({:.1}% used)", report.size as f64 * 100.0 / c.max(1) as f64),
            None => " (partition size unknown: no board or [romfs] partition-size)".to_string(),
        };
        out.line(format!(
            "{} {} ({} files, {} bytes{cap}) in {:.1} ms",
            out.good("wrote"),
            report.output.display(),
            report.files.len(),
            report.size,
            report.elapsed_ms
        ));
        out.json(&serde_json::json!({ "ok": true, "romfs": report }));
        Ok(())
    }
}
