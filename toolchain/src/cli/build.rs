//! `mpbuild build [PROJECT] [-o OUT]`: the `.mpy` tree.

use std::path::PathBuf;

use anyhow::Context;

use super::{Global, Out};
use crate::progress::ItemStatus;
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// Project directory or configuration file (default: search upwards from here).
    pub project: Option<PathBuf>,
    /// Output directory (default: [output] dir, else build/mpy).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Read the .mpy version and arch from the board on this serial port and compile for exactly that.
    #[arg(long, value_name = "PORT", conflicts_with = "arch")]
    pub device: Option<String>,
    /// Compile native and viper code for this arch instead of the target's (`[target] arch`; e.g. `x64` to
    /// run a board project on the unix port).
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,
}

/// Applies `--arch` to the project's target (as `[target] arch` would).
pub fn retarget(project: &mut Project, arch: Option<&str>) -> anyhow::Result<()> {
    if let Some(a) = arch {
        project.config.target.arch = Some(a.to_string());
        project.target = crate::target::Target::resolve(&project.config.target)?;
    }
    Ok(())
}

impl Cmd {
    pub fn run(self, g: &Global, out: &Out) -> anyhow::Result<()> {
        let mut project = Project::load(self.project.as_deref())?;
        retarget(&mut project, self.arch.as_deref())?;
        if let Some(port) = &self.device {
            let mut dev = crate::device::open(port)?;
            let info = crate::device::query(dev.as_mut())?;
            project.target = crate::device::match_target(&project.target, &info)?;
            out.line(format!("device: {} ({}), {}", info.machine, info.platform, project.target.describe()));
        }
        let out_dir = self.output.unwrap_or_else(|| project.out_dir());
        let compiler = super::compiler(g);
        let cache = super::cache(g, &project);
        let bars = out.progress();
        let report = crate::build::build(&project, compiler.as_ref(), &cache, &out_dir, &bars)
            .with_context(|| format!("building {}", project.root.display()))?;
        for f in &report.files {
            let how = match f.obtained {
                ItemStatus::Compiled => "compiled",
                ItemStatus::Cached => "cached",
                _ => "copied",
            };
            out.detail(format!("  {:<8} {} -> {} ({} bytes)", how, f.source, f.output, f.size));
        }
        out.line(format!(
            "{} {} files into {} ({} compiled, {} cached, {} copied; {} written, {} unchanged) for {} in {:.1} ms",
            out.good("built"),
            report.files.len(),
            report.out_dir.display(),
            report.compiled,
            report.cached,
            report.copied,
            report.written,
            report.unchanged,
            report.target,
            report.elapsed_ms
        ));
        out.json(&serde_json::json!({ "ok": true, "build": report }));
        Ok(())
    }
}
