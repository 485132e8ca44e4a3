//! Deploying a project: compile it for the board it is going to (the board's `.mpy` version and arch,
//! refusing a project whose native code the board cannot load), then mirror exactly the build's files onto
//! the board with [`super::sync`].

use serde::Serialize;

use super::error::DeployError;
use super::fs::Board;
use super::ignore::Ignore;
use super::progress::DeployProgress;
use super::sync::{self, LocalFile, SyncOptions, SyncReport};
use crate::build::BuildReport;
use crate::cache::Cache;
use crate::compiler::Compiler;
use crate::device::{self, DeviceInfo};
use crate::error::Result;
use crate::progress::Progress;
use crate::project::Project;

/// The result of `mpbuild deploy`.
#[derive(Clone, Debug, Serialize)]
pub struct ProjectDeployReport {
    pub build: BuildReport,
    pub sync: SyncReport,
}

/// What the user asked for on top of `[deploy]`.
#[derive(Clone, Debug, Default)]
pub struct DeployRequest {
    /// Overrides `[deploy] dest`.
    pub dest: Option<String>,
    /// Overrides `[deploy] delete`.
    pub delete: Option<bool>,
    pub dry_run: bool,
    pub force: bool,
    /// Extra ignore patterns.
    pub ignore: Vec<String>,
    /// Extra (build prefix, board prefix) mappings.
    pub map: Vec<(String, String)>,
}

/// The sync options for a project: `[deploy]` overridden by the request, `.mpbuildignore` read.
pub fn sync_options(project: &Project, req: &DeployRequest) -> Result<SyncOptions> {
    let cfg = &project.config.deploy;
    let mut ignore = Ignore::load(&project.root, &cfg.ignore)?;
    ignore.extend(Ignore::new(req.ignore.iter().map(String::as_str), "--ignore")?);
    let mut map = cfg.map_pairs();
    map.extend(req.map.iter().cloned());
    let dest = req.dest.clone().or_else(|| cfg.dest.clone()).unwrap_or_default();
    let dest = dest.trim_start_matches(':').to_string();
    Ok(SyncOptions {
        dest,
        delete: req.delete.or(cfg.delete).unwrap_or(false),
        dry_run: req.dry_run,
        force: req.force,
        map,
        ignore,
        skip: Vec::new(),
    })
}

/// Builds the project for the board and mirrors it there.
pub fn deploy(
    project: &Project,
    compiler: &dyn Compiler,
    cache: &Cache,
    board: &mut Board<'_>,
    req: &DeployRequest,
    build_progress: &dyn Progress,
    progress: &dyn DeployProgress,
) -> Result<ProjectDeployReport> {
    let opts = sync_options(project, req)?;
    let caps = board.caps()?;
    let mut project = project.clone();
    if caps.mpy != 0 {
        let info = DeviceInfo {
            mpy_raw: caps.mpy,
            version: device::decode_mpy(caps.mpy).0,
            sub_version: device::decode_mpy(caps.mpy).1,
            arch: device::decode_mpy(caps.mpy).2,
            machine: String::new(),
            platform: caps.platform.clone(),
        };
        project.target = device::match_target(&project.target, &info)?;
    }
    let out_dir = project.out_dir();
    let build = crate::build::build(&project, compiler, cache, &out_dir, build_progress)?;
    let mut local = Vec::with_capacity(build.files.len());
    for f in &build.files {
        let path = build.out_dir.join(&f.output);
        let data = std::fs::read(&path).map_err(|e| DeployError::local("read", &path, e))?;
        local.push(LocalFile { rel: f.output.clone(), data });
    }
    let sync = sync::sync(board, &local, &opts, progress)?;
    Ok(ProjectDeployReport { build, sync })
}
