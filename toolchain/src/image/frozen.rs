//! Frozen-module C source (being written).

use std::path::Path;

use serde::Serialize;

use crate::cache::Cache;
use crate::compiler::Compiler;
use crate::error::Result;
use crate::progress::Progress;
use crate::project::Project;

/// The result of `freeze`.
#[derive(Clone, Debug, Serialize)]
pub struct FreezeReport {
    pub modules: Vec<String>,
    pub qstrs: usize,
    pub size: u64,
}

/// Writes the frozen C for the project.
pub fn build_to(_p: &Project, _c: &dyn Compiler, _cache: &Cache, _out: &Path, _pr: &dyn Progress) -> Result<FreezeReport> {
    Err(crate::error::Error::Freeze { message: "not implemented yet".into(), help: String::new() })
}
