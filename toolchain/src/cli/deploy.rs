//! `mpbuild deploy [PROJECT]`: build the project for the board and mirror it there (`--dry-run`, `--delete`,
//! ignore rules, path mapping), optionally again on every save (`--watch`).

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::Context;

use super::connect::{ctrl_c_flag, ConnectArgs, TransferBars};
use super::{Global, Out};
use crate::deploy::fs::Board;
use crate::deploy::project::{self, DeployRequest, ProjectDeployReport};
use crate::deploy::watch;
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// Project directory or configuration file (default: search upwards from here).
    pub project: Option<PathBuf>,
    #[command(flatten)]
    pub connect: ConnectArgs,
    /// Board directory to deploy into, as `:PATH` (default: [deploy] dest, else the board's working directory).
    #[arg(long, value_name = ":PATH")]
    pub dest: Option<String>,
    /// Delete board files the build no longer has (mirror); overrides [deploy] delete.
    #[arg(long, overrides_with = "no_delete")]
    pub delete: bool,
    /// Never delete board files.
    #[arg(long)]
    pub no_delete: bool,
    /// Show what would be uploaded and deleted, change nothing.
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Upload every file, even those already on the board.
    #[arg(short, long)]
    pub force: bool,
    /// Also ignore paths matching this pattern (gitignore syntax; repeatable).
    #[arg(long, value_name = "PATTERN")]
    pub ignore: Vec<String>,
    /// Put build path prefix FROM at board path TO (relative to the destination; repeatable).
    #[arg(long, value_name = "FROM=TO")]
    pub map: Vec<String>,
    /// Deploy again whenever a project file changes.
    #[arg(short, long)]
    pub watch: bool,
}

impl Cmd {
    pub fn run(self, g: &Global, out: &Out) -> anyhow::Result<()> {
        let project = Project::load(self.project.as_deref())?;
        let mut map = Vec::new();
        for m in &self.map {
            let (a, b) = m.split_once('=').with_context(|| format!("--map {m}: expected FROM=TO"))?;
            map.push((a.to_string(), b.trim_start_matches(':').to_string()));
        }
        let req = DeployRequest {
            dest: self.dest.clone(),
            delete: if self.delete { Some(true) } else if self.no_delete { Some(false) } else { None },
            dry_run: self.dry_run,
            force: self.force,
            ignore: self.ignore.clone(),
            map,
        };
        let mut t = self.connect.open(Some(&project))?;
        let compiler = super::compiler(g);
        let cache = super::cache(g, &project);
        let bars = TransferBars::new(out);
        let build_bars = out.progress();
        let mut board = Board::new(&mut t);
        let report = project::deploy(&project, compiler.as_ref(), &cache, &mut board, &req, &build_bars, &bars)?;
        print_report(out, &report);
        if !self.watch {
            return Ok(());
        }
        let stop = ctrl_c_flag();
        let out_rel = project.out_dir().strip_prefix(&project.root).map(PathBuf::from).unwrap_or_else(|_| PathBuf::from("build"));
        let skip = vec![out_rel, PathBuf::from("build"), PathBuf::from("target")];
        let mut snap = watch::snapshot(&project.root, &skip);
        eprintln!("watching {} (Ctrl-C to stop)", project.root.display());
        while let Some((changed, now)) = watch::wait(&project.root, &skip, &snap, Duration::from_millis(300), Duration::from_millis(150), &stop) {
            snap = now;
            for c in &changed {
                out.detail(format!("changed {}", c.display()));
            }
            // The configuration may have changed too.
            let project = match Project::load(self.project.as_deref()) {
                Ok(p) => p,
                Err(e) => {
                    out.error(&anyhow::Error::from(e));
                    continue;
                }
            };
            match project::deploy(&project, compiler.as_ref(), &cache, &mut board, &req, &build_bars, &bars) {
                Ok(r) => print_report(out, &r),
                Err(e) => {
                    out.error(&anyhow::Error::from(e));
                    // The link may be in any state after an error.
                    let _ = board.transport().resync();
                    board.reset_session();
                }
            }
        }
        stop.store(false, Ordering::SeqCst);
        Ok(())
    }
}

fn print_report(out: &Out, r: &ProjectDeployReport) {
    let p = &r.sync.plan;
    for f in &p.upload {
        out.detail(format!("  upload :{f}"));
    }
    for f in p.delete_files.iter().chain(&p.delete_dirs) {
        out.detail(format!("  delete :{f}"));
    }
    let verb = if r.sync.dry_run { "would deploy" } else { "deployed" };
    out.line(format!(
        "{} {} files to {}:{} ({} uploaded, {} bytes; {} unchanged; {} deleted; {} ignored) in {:.0} ms",
        out.good(verb),
        p.upload.len() + p.unchanged.len(),
        r.sync.port,
        if r.sync.dest.is_empty() { "." } else { &r.sync.dest },
        p.upload.len(),
        p.upload_bytes,
        p.unchanged.len(),
        p.delete_files.len(),
        p.ignored.len(),
        r.sync.elapsed_ms
    ));
    if r.sync.dry_run && !out.json {
        for f in &p.upload {
            out.line(format!("  upload :{f}"));
        }
        for f in p.delete_files.iter().chain(&p.delete_dirs) {
            out.line(format!("  delete :{f}"));
        }
    }
    out.json(&serde_json::json!({ "ok": true, "deploy": r }));
}
