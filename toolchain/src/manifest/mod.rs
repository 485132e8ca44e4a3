//! MicroPython's `manifest.py`, read without running Python: the file is parsed by our front end
//! (`mpy_vm::syntax::parse`) and its tree is walked by a small evaluator that knows the manifest API
//! (`include`, `require`, `add_library`, `package`, `module`, `c_module`, `metadata`, `options`, and the
//! freeze-mode `freeze*` calls) and nothing else.
//!
//! The subset: expression statements, assignments to plain names, `if`/`elif`/`else`, `for` over a literal
//! sequence, `pass`, docstrings; expressions over str/int/bool/None literals, lists and tuples, names,
//! `options.<name>`, `not`/`and`/`or`, `==`/`!=`/`in`/`not in`, `+` on strings and lists, and conditional
//! expressions. Anything else (imports, attribute access on other objects, builtins, `*args`) is an error with
//! the file and line. Every path a manifest touches must lie under the project root or one of the configured
//! `$(VAR)` directories; anything else is refused.
//!
//! The semantics follow MicroPython's `tools/manifestfile.py` (freeze mode), read from its source: see the
//! comments on each API function in [`eval`]. One deliberate difference: directory walks are sorted, so the
//! module order is deterministic (MicroPython's follows `os.walk`, i.e. the filesystem's order).

mod eval;
mod value;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::config::ManifestVars;
use crate::error::Result;
use crate::fsutil;

/// How a file is to be frozen (`KIND_*` in manifestfile.py, freeze mode).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    /// A `.py` compiled to `.mpy`, then frozen.
    FreezeAsMpy,
    /// A `.mpy` frozen as it is.
    FreezeMpy,
    /// A `.py` frozen as source text.
    FreezeAsStr,
}

/// One file the manifest selects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ManifestFile {
    /// The file on disk (absolute).
    pub path: PathBuf,
    /// The path on the device (`pkg/mod.py`): the module's name.
    pub target: String,
    pub kind: FileKind,
    /// `opt=` given to `module`/`package`/`freeze`.
    pub opt: Option<u8>,
    /// `metadata(version=...)` of the package the file belongs to (appended as `__version__` when compiled).
    pub version: Option<String>,
}

/// Package metadata from `metadata(...)`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    pub version: Option<String>,
    pub description: Option<String>,
    pub license: Option<String>,
    pub author: Option<String>,
    pub stdlib: bool,
    pub pypi: Option<String>,
    pub pypi_publish: Option<String>,
}

/// The result of evaluating a manifest.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Listing {
    /// Files in the order the manifest added them.
    pub files: Vec<ManifestFile>,
    /// `c_module()` directories.
    pub c_modules: Vec<PathBuf>,
    /// The top-level manifest's metadata.
    pub metadata: Metadata,
    /// Every manifest file read, in order.
    pub manifests: Vec<PathBuf>,
}

/// The `$(VAR)` substitutions. A variable left `None` is an error when used.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vars {
    pub mpy_dir: Option<PathBuf>,
    pub mpy_lib_dir: Option<PathBuf>,
    pub port_dir: Option<PathBuf>,
    pub board_dir: Option<PathBuf>,
}

impl Vars {
    /// From `[manifest-vars]`, relative paths resolved against `root`.
    pub fn from_config(v: &ManifestVars, root: &Path) -> Vars {
        let p = |s: &Option<String>| s.as_ref().map(|s| fsutil::normalize(&root.join(s)));
        Vars { mpy_dir: p(&v.mpy_dir), mpy_lib_dir: p(&v.mpy_lib_dir), port_dir: p(&v.port_dir), board_dir: p(&v.board_dir) }
    }

    pub(crate) fn pairs(&self) -> [(&'static str, Option<&PathBuf>); 4] {
        [
            ("MPY_DIR", self.mpy_dir.as_ref()),
            ("MPY_LIB_DIR", self.mpy_lib_dir.as_ref()),
            ("PORT_DIR", self.port_dir.as_ref()),
            ("BOARD_DIR", self.board_dir.as_ref()),
        ]
    }
}

/// Evaluates the manifest at `path` (freeze mode). `root` is the project root: with the `$(VAR)`
/// directories, the only places the manifest may read.
pub fn evaluate(path: &Path, vars: &Vars, root: &Path) -> Result<Listing> {
    eval::Evaluator::new(vars, root)?.run(path)
}

/// Evaluates manifest source text given inline (as `makemanifest.py` accepts a snippet), as if it were the
/// file `path`.
pub fn evaluate_str(text: &str, path: &Path, vars: &Vars, root: &Path) -> Result<Listing> {
    eval::Evaluator::new(vars, root)?.run_text(text, path)
}

#[cfg(test)]
mod tests;
