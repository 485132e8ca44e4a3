//! `mpbuild cp SRC... DEST`: copy between this machine and the board; board paths start with `:`.
//! Uploads skip files whose SHA-256 already matches (unless `-f`) and are atomic and verified.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::connect::{board_path, ConnectArgs, TransferBars};
use super::{Global, Out};
use crate::deploy::fs::{self, Board, Upload};
use crate::deploy::sync::{self, local_tree, SyncOptions};
use crate::deploy::DeployError;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// Sources then destination; board paths start with `:` (`:` alone is the board's working directory).
    #[arg(required = true, num_args = 2..)]
    pub paths: Vec<String>,
    /// Copy directories recursively.
    #[arg(short, long)]
    pub recursive: bool,
    /// Upload even when the board's file already has the same contents.
    #[arg(short, long)]
    pub force: bool,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let Some((dest, srcs)) = self.paths.split_last() else { return Ok(()) };
        let bars = TransferBars::new(out);
        let mut t = self.connect.open(None)?;
        let mut board = Board::new(&mut t);
        if let Some(ddir) = board_path(dest) {
            // Upload.
            let dest_is_dir = ddir.is_empty() || ddir.ends_with('/') || srcs.len() > 1 || matches!(board.stat(ddir)?, Some((true, _)));
            let mut uploads = Vec::new();
            let mut synced = Vec::new();
            for s in srcs {
                if board_path(s).is_some() {
                    return Err(DeployError::usage("board-to-board copies are not supported", "copy to this machine first").into());
                }
                let src = Path::new(s);
                let name = src.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                if src.is_dir() {
                    if !self.recursive {
                        return Err(DeployError::usage(format!("{s} is a directory"), "use -r to copy directories").into());
                    }
                    // A directory is a sync without deletes: one listing with hashes, then the changed files.
                    let opts = SyncOptions { dest: fs::join(ddir.trim_end_matches('/'), &name), force: self.force, ..SyncOptions::default() };
                    let r = sync::sync(&mut board, &local_tree(src)?, &opts, &bars)?;
                    for u in &r.plan.unchanged {
                        out.detail(format!("up to date: :{u}"));
                    }
                    synced.push(r);
                } else {
                    let data = std::fs::read(src).map_err(|e| DeployError::local("read", src, e))?;
                    let p = if dest_is_dir { fs::join(ddir.trim_end_matches('/'), &name) } else { ddir.to_string() };
                    uploads.push(Upload { path: p, data });
                }
            }
            if !self.force {
                let mut keep = Vec::new();
                for u in uploads {
                    let same = match board.stat(&u.path)? {
                        Some((false, n)) if n == u.data.len() as u64 => board.sha256(&u.path)? == crate::deploy::codec::sha256_hex(&u.data),
                        _ => false,
                    };
                    if same {
                        out.detail(format!("up to date: :{}", u.path));
                    } else {
                        keep.push(u);
                    }
                }
                uploads = keep;
            }
            board.write_files(&uploads, &bars)?;
            let mut sent: Vec<String> = uploads.iter().map(|u| u.path.clone()).collect();
            let mut n: u64 = uploads.iter().map(|u| u.data.len() as u64).sum();
            let mut unchanged = 0;
            for r in &synced {
                sent.extend(r.plan.upload.iter().cloned());
                n += r.plan.upload_bytes;
                unchanged += r.plan.unchanged.len();
            }
            out.line(format!("copied {} file(s), {n} bytes ({unchanged} up to date)", sent.len()));
            out.json(&serde_json::json!({ "ok": true, "uploaded": sent, "unchanged": unchanged }));
            return Ok(());
        }
        // Download.
        let dest = PathBuf::from(dest);
        let mut copied = Vec::new();
        for s in srcs {
            let Some(src) = board_path(s) else {
                return Err(DeployError::usage("local-to-local copies are not mpbuild's job", "use cp; board paths start with `:`").into());
            };
            let name = src.rsplit('/').next().unwrap_or(src).to_string();
            match board.stat(src)? {
                Some((false, _)) => {
                    let data = board.read(src, &bars)?;
                    let to = if dest.is_dir() { dest.join(&name) } else { dest.clone() };
                    std::fs::write(&to, data).map_err(|e| DeployError::local("write", &to, e))?;
                    copied.push(to);
                }
                Some((true, _)) if self.recursive => {
                    let base = dest.join(&name);
                    for e in board.walk(src, &BTreeMap::new(), &[])? {
                        let rel = e.path.strip_prefix(src).unwrap_or(&e.path).trim_start_matches('/');
                        let to = base.join(rel);
                        if e.is_dir {
                            std::fs::create_dir_all(&to).map_err(|er| DeployError::local("create", &to, er))?;
                        } else {
                            if let Some(p) = to.parent() {
                                std::fs::create_dir_all(p).map_err(|er| DeployError::local("create", p, er))?;
                            }
                            let data = board.read(&e.path, &bars)?;
                            std::fs::write(&to, data).map_err(|er| DeployError::local("write", &to, er))?;
                            copied.push(to);
                        }
                    }
                }
                Some((true, _)) => return Err(DeployError::usage(format!(":{src} is a directory"), "use -r to copy directories").into()),
                None => return Err(DeployError::usage(format!(":{src} does not exist"), "check the path with `mpbuild ls`").into()),
            }
        }
        out.line(format!("copied {} file(s)", copied.len()));
        out.json(&serde_json::json!({ "ok": true, "downloaded": copied }));
        Ok(())
    }
}
