//! `mpbuild romfs deploy [IMAGE]`: write a ROMFS image to the board's ROMFS partition through
//! `vfs.rom_ioctl` (default image: the project's, built first).

use std::path::PathBuf;

use super::connect::{ConnectArgs, TransferBars};
use super::{Global, Out};
use crate::deploy::fs::Board;
use crate::deploy::{romfs, DeployError};
use crate::image::romfs::RomfsOptions;
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// The image (default: build the project's and deploy that).
    pub image: Option<PathBuf>,
    /// Project directory (when no image is given).
    #[arg(long, value_name = "DIR")]
    pub project: Option<PathBuf>,
    /// ROMFS partition number.
    #[arg(long, default_value_t = 0)]
    pub partition: u32,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

impl Cmd {
    pub fn run(self, g: &Global, out: &Out) -> anyhow::Result<()> {
        let (image, project) = match &self.image {
            Some(p) => (std::fs::read(p).map_err(|e| DeployError::local("read", p, e))?, None),
            None => {
                let project = Project::load(self.project.as_deref())?;
                let path = project.romfs_path();
                let compiler = super::compiler(g);
                let cache = super::cache(g, &project);
                let r = crate::image::romfs::build_to(&project, compiler.as_ref(), &cache, &RomfsOptions::default(), &path, &out.progress())?;
                out.detail(format!("built {} ({} bytes)", r.output.display(), r.size));
                (std::fs::read(&path).map_err(|e| DeployError::local("read", &path, e))?, Some(project))
            }
        };
        let mut t = self.connect.open(project.as_ref())?;
        let bars = TransferBars::new(out);
        let mut board = Board::new(&mut t);
        let report = romfs::deploy(&mut board, &image, self.partition, &bars)?;
        out.line(format!(
            "{} {} bytes to ROMFS partition {} ({} bytes, {}{}); soft-reset or reboot the board to mount it",
            out.good("wrote"),
            report.image_size,
            report.partition,
            report.partition_size,
            report.kind,
            if report.verified { ", verified" } else { "" }
        ));
        out.json(&serde_json::json!({ "ok": true, "romfs": report }));
        Ok(())
    }
}
