//! `mpbuild manifest [FILE]`: the module set and target paths a manifest.py selects.

use std::path::PathBuf;

use super::{Global, Out};
use crate::manifest::{self, Vars};
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// The manifest.py (default: the project's `manifest`).
    pub file: Option<PathBuf>,
    /// Project whose [manifest-vars] and root apply (default: search upwards from here).
    #[arg(long)]
    pub project: Option<PathBuf>,
    /// $(MPY_DIR)
    #[arg(long)]
    pub mpy_dir: Option<PathBuf>,
    /// $(MPY_LIB_DIR)
    #[arg(long)]
    pub mpy_lib_dir: Option<PathBuf>,
    /// $(PORT_DIR)
    #[arg(long)]
    pub port_dir: Option<PathBuf>,
    /// $(BOARD_DIR)
    #[arg(long)]
    pub board_dir: Option<PathBuf>,
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let (root, mut vars, file) = match (&self.file, Project::load(self.project.as_deref())) {
            (_, Ok(p)) => {
                let vars = Vars::from_config(&p.config.manifest_vars, &p.root);
                let file = match (&self.file, &p.config.manifest) {
                    (Some(f), _) => f.clone(),
                    (None, Some(m)) => p.path(m),
                    (None, None) => anyhow::bail!("no manifest given and the project has no `manifest` key"),
                };
                (p.root.clone(), vars, file)
            }
            (Some(f), Err(_)) => {
                let root = crate::fsutil::absolute(f.parent().unwrap_or(std::path::Path::new(".")));
                (root, Vars::default(), f.clone())
            }
            (None, Err(e)) => return Err(e.into()),
        };
        let abs = |p: &Option<PathBuf>| p.as_ref().map(|p| crate::fsutil::absolute(p));
        vars.mpy_dir = abs(&self.mpy_dir).or(vars.mpy_dir);
        vars.mpy_lib_dir = abs(&self.mpy_lib_dir).or(vars.mpy_lib_dir);
        vars.port_dir = abs(&self.port_dir).or(vars.port_dir);
        vars.board_dir = abs(&self.board_dir).or(vars.board_dir);
        let listing = manifest::evaluate(&file, &vars, &root)?;
        for f in &listing.files {
            let opt = f.opt.map_or(String::new(), |o| format!(" -O{o}"));
            out.line(format!("{:<40} {:?}{opt}  {}", f.target, f.kind, f.path.display()));
        }
        out.json(&serde_json::json!({ "ok": true, "manifest": listing }));
        Ok(())
    }
}
