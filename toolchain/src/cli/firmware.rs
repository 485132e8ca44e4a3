//! `mpbuild firmware --micropython PATH --board BOARD`: runs the port's own build with this project frozen in
//! and `MICROPY_MPYCROSS` pointing at `mpyc`.

use std::path::PathBuf;

use super::{Global, Out};
use crate::firmware::{self, FirmwareOptions};
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// Project directory or configuration file (default: search upwards from here).
    pub project: Option<PathBuf>,
    /// A MicroPython source checkout.
    #[arg(long, value_name = "PATH")]
    pub micropython: PathBuf,
    /// Board ID (default: [target] board).
    #[arg(long)]
    pub board: Option<String>,
    /// Board variant.
    #[arg(long)]
    pub variant: Option<String>,
    /// The mpyc executable to use as mpy-cross (default: `mpyc` next to mpbuild, else on PATH).
    #[arg(long, value_name = "PATH")]
    pub mpyc: Option<PathBuf>,
    /// Print the command instead of running it.
    #[arg(long)]
    pub dry_run: bool,
    /// Extra arguments for make.
    #[arg(last = true)]
    pub make_args: Vec<String>,
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let project = Project::load(self.project.as_deref())?;
        let opts = FirmwareOptions {
            micropython: self.micropython,
            board: self.board,
            variant: self.variant,
            mpyc: self.mpyc,
            make_args: self.make_args,
        };
        let plan = firmware::plan(&project, &opts)?;
        out.line(plan.display());
        if self.dry_run {
            out.json(&serde_json::json!({ "ok": true, "firmware": plan }));
            return Ok(());
        }
        firmware::write_manifest(&plan)?;
        let status = firmware::run(&plan)?;
        out.json(&serde_json::json!({ "ok": status, "firmware": plan }));
        if !status {
            anyhow::bail!("the port's build failed (its output is above)");
        }
        Ok(())
    }
}
