//! `mpbuild rm [-r] :PATH...`: remove files (and with `-r` directories) on the board.

use std::collections::BTreeMap;

use super::connect::{board_path, ConnectArgs};
use super::{Global, Out};
use crate::deploy::fs::Board;
use crate::deploy::DeployError;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// Board paths, as `:PATH`.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Remove directories and everything in them.
    #[arg(short, long)]
    pub recursive: bool,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let mut t = self.connect.open(None)?;
        let mut board = Board::new(&mut t);
        let mut removed = Vec::new();
        for p in &self.paths {
            let path = board_path(p).unwrap_or(p).to_string();
            match board.stat(&path)? {
                None => {
                    return Err(DeployError::DeviceFs {
                        port: board.transport().port().to_string(),
                        op: "rm",
                        path,
                        errno: Some(2),
                        message: "no such file or directory".into(),
                        help: "check the path with `mpbuild ls`",
                    }
                    .into())
                }
                Some((false, _)) => {
                    board.remove_files(std::slice::from_ref(&path))?;
                    removed.push(path);
                }
                Some((true, _)) if !self.recursive => {
                    return Err(DeployError::usage(format!(":{path} is a directory"), "use -r to remove it and its contents").into());
                }
                Some((true, _)) => {
                    let entries = board.walk(&path, &BTreeMap::new(), &[])?;
                    let files: Vec<String> = entries.iter().filter(|e| !e.is_dir).map(|e| e.path.clone()).collect();
                    let mut dirs: Vec<String> = entries.iter().filter(|e| e.is_dir).map(|e| e.path.clone()).collect();
                    dirs.sort_by_key(|d| std::cmp::Reverse(d.matches('/').count()));
                    dirs.push(path.clone());
                    board.remove_files(&files)?;
                    board.remove_dirs(&dirs)?;
                    removed.extend(files);
                    removed.extend(dirs);
                }
            }
        }
        for r in &removed {
            out.detail(format!("removed :{r}"));
        }
        out.line(format!("removed {} path(s)", removed.len()));
        out.json(&serde_json::json!({ "ok": true, "removed": removed }));
        Ok(())
    }
}

