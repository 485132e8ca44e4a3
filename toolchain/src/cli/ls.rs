//! `mpbuild ls [:PATH] [-r]`: list files on the board (sizes, directories marked with `/`).

use std::collections::BTreeMap;

use super::connect::{board_path, ConnectArgs};
use super::{Global, Out};
use crate::deploy::fs::Board;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// Board directory, as `:PATH` (default: the working directory).
    #[arg(default_value = ":")]
    pub path: String,
    /// List subdirectories too.
    #[arg(short, long)]
    pub recursive: bool,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let dir = board_path(&self.path).unwrap_or(&self.path).to_string();
        let mut t = self.connect.open(None)?;
        let mut board = Board::new(&mut t);
        let mut entries = if self.recursive { board.walk(&dir, &BTreeMap::new(), &[])? } else { board.listdir(&dir)? };
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let prefix = if dir.is_empty() { String::new() } else { format!("{}/", dir.trim_end_matches('/')) };
        for e in &entries {
            let name = e.path.strip_prefix(&prefix).unwrap_or(&e.path);
            if e.is_dir {
                out.line(format!("{:>9} {name}/", ""));
            } else {
                out.line(format!("{:>9} {name}", e.size));
            }
        }
        out.json(&serde_json::json!({ "ok": true, "entries": entries }));
        Ok(())
    }
}
