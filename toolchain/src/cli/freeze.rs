//! `mpbuild freeze [PROJECT] [-o FILE]`: frozen-module C source for a port build.

use std::path::PathBuf;

use super::{Global, Out};
use crate::image::frozen;
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// Project directory or configuration file (default: search upwards from here).
    pub project: Option<PathBuf>,
    /// Output C file (default: [output] frozen, else build/frozen_content.c).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl Cmd {
    pub fn run(self, g: &Global, out: &Out) -> anyhow::Result<()> {
        let project = Project::load(self.project.as_deref())?;
        let output = self.output.unwrap_or_else(|| project.frozen_path());
        let compiler = super::compiler(g);
        let cache = super::cache(g, &project);
        let bars = out.progress();
        let report = frozen::build_to(&project, compiler.as_ref(), &cache, &output, &bars)?;
        out.line(format!(
            "{} {} ({} modules, {} new qstrs, {} bytes of C)",
            out.good("wrote"),
            output.display(),
            report.modules.len(),
            report.qstrs,
            report.size
        ));
        out.json(&serde_json::json!({ "ok": true, "freeze": report }));
        Ok(())
    }
}
