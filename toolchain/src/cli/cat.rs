//! `mpbuild cat :PATH`: print a board file's bytes on stdout.

use super::connect::{board_path, ConnectArgs};
use super::{Global, Out};
use crate::deploy::fs::Board;
use crate::deploy::progress::NoProgress;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// Board file, as `:PATH`.
    pub path: String,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let path = board_path(&self.path).unwrap_or(&self.path).to_string();
        let mut t = self.connect.open(None)?;
        let data = Board::new(&mut t).read(&path, &NoProgress)?;
        if out.json {
            out.json(&serde_json::json!({ "ok": true, "path": path, "text": String::from_utf8_lossy(&data) }));
        } else {
            super::output::stdout_write(&data);
        }
        Ok(())
    }
}
