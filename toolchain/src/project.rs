//! A project: its root, configuration and target, and the list of build units found by walking the sources
//! (or by evaluating its `manifest.py`), each with the options it compiles with.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use mpy_vm::{CompileOptions, EmitOpt};
use serde::Serialize;

use crate::config::{self, emit_name, Config, ConfigSource};
use crate::error::{Error, Result};
use crate::fsutil;
use crate::manifest;
use crate::target::Target;

/// The default build output directory (relative to the project root).
pub const DEFAULT_OUT: &str = "build/mpy";
/// Directories never searched for sources.
const SKIP_DIRS: &[&str] = &["__pycache__", "target", "node_modules", "build"];

/// A loaded project.
#[derive(Clone, Debug)]
pub struct Project {
    /// Absolute, normalised project root.
    pub root: PathBuf,
    pub config: Config,
    pub source: ConfigSource,
    pub target: Target,
}

/// What happens to one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Compile `.py` to `.mpy`.
    Compile,
    /// Copy verbatim (entry scripts, prebuilt `.mpy`, data files).
    Copy,
}

/// One build unit.
#[derive(Clone, Debug, Serialize)]
pub struct Unit {
    /// The source path relative to the project root (or its target path from a manifest), `/`-separated.
    pub rel: String,
    /// Where the source is.
    pub abs: PathBuf,
    /// The output path relative to the output root (`lib/x.mpy`).
    pub out: String,
    pub action: Action,
    /// The emitter (compile units).
    #[serde(serialize_with = "ser_emit")]
    pub emit: EmitOpt,
    /// `-O` level (compile units).
    pub opt: u8,
    /// A package version to append as `__version__ = '...'` before compiling (manifest `metadata(version=)`,
    /// as MicroPython's freeze does when the file has no `__version__ =` of its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// A file found by walking the sources or evaluating a manifest, before its action is decided.
#[derive(Clone, Debug)]
struct Found {
    rel: String,
    abs: PathBuf,
    opt: Option<u8>,
    version: Option<String>,
    /// Kept as source (entries, `freeze_as_str`, prebuilt `.mpy`).
    copy: bool,
    /// Already known to be a regular file (from the directory listing): no need to check again.
    regular: bool,
}

fn ser_emit<S: serde::Serializer>(e: &EmitOpt, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(emit_name(*e))
}

impl Project {
    /// Loads the project at `path` (a directory or a configuration file), or discovers one from the current
    /// directory upwards when `path` is `None`.
    pub fn load(path: Option<&Path>) -> Result<Project> {
        let (root, config, source) = match path {
            Some(p) => config::load(p)?,
            None => {
                let cwd = std::env::current_dir().map_err(|e| Error::io("read the current directory", ".", e))?;
                config::discover(&cwd)?
            }
        };
        Project::from_config(&root, config, source)
    }

    /// Builds a project from an already parsed configuration.
    pub fn from_config(root: &Path, config: Config, source: ConfigSource) -> Result<Project> {
        let root = fsutil::absolute(root);
        let target = Target::resolve(&config.target)?;
        Ok(Project { root, config, source, target })
    }

    /// The project name: `name`, else the root directory's name.
    pub fn name(&self) -> String {
        self.config.name.clone().unwrap_or_else(|| {
            self.root.file_name().map_or_else(|| "project".to_string(), |n| n.to_string_lossy().into_owned())
        })
    }

    /// Resolves a path from the configuration against the root.
    pub fn path(&self, rel: &str) -> PathBuf {
        fsutil::normalize(&self.root.join(rel))
    }

    /// The `.mpy` output directory.
    pub fn out_dir(&self) -> PathBuf {
        self.path(self.config.output.dir.as_deref().unwrap_or(DEFAULT_OUT))
    }

    /// The cache directory.
    pub fn cache_dir(&self) -> PathBuf {
        self.path(self.config.output.cache.as_deref().unwrap_or(".mpbuild/cache"))
    }

    /// The default ROMFS image path.
    pub fn romfs_path(&self) -> PathBuf {
        match &self.config.output.romfs {
            Some(p) => self.path(p),
            None => self.path(&format!("build/{}.romfs", self.name())),
        }
    }

    /// The default frozen C path.
    pub fn frozen_path(&self) -> PathBuf {
        self.path(self.config.output.frozen.as_deref().unwrap_or("build/frozen_content.c"))
    }

    /// Compile options for one unit (the source name is the unit's path, with `prefix` prepended).
    pub fn compile_options(&self, unit: &Unit, prefix: &str) -> CompileOptions {
        CompileOptions {
            source_name: format!("{prefix}{}", unit.rel),
            opt_level: unit.opt,
            no_source_lines: self.config.compile.no_source_lines.unwrap_or(false),
            small_int_bits: self.target.small_int_bits,
            arch: self.target.arch,
            arch_flags: self.target.arch_flags,
            emit: unit.emit,
            input_name: None,
        }
    }

    /// Finds every unit: from the manifest when one is configured, else by walking the sources. The result
    /// is sorted by output path and free of clashes.
    pub fn units(&self) -> Result<Vec<Unit>> {
        let files: Vec<Found> = match &self.config.manifest {
            Some(m) => {
                let path = self.path(m);
                if !path.is_file() {
                    return Err(Error::Missing { path, origin: "`manifest` in mpbuild.toml".to_string() });
                }
                let vars = manifest::Vars::from_config(&self.config.manifest_vars, &self.root);
                let listing = manifest::evaluate(&path, &vars, &self.root)?;
                listing
                    .files
                    .into_iter()
                    .map(|f| Found {
                        copy: f.kind != manifest::FileKind::FreezeAsMpy,
                        rel: f.target,
                        abs: f.path,
                        opt: f.opt,
                        version: f.version,
                        regular: false,
                    })
                    .collect()
            }
            None => {
                let entries: Vec<String> =
                    self.config.entries.clone().unwrap_or_else(|| vec!["boot.py".to_string(), "main.py".to_string()]);
                for e in &entries {
                    let p = self.path(e);
                    if !p.starts_with(&self.root) {
                        return Err(Error::PathEscapes { path: p, root: self.root.clone() });
                    }
                }
                self.walk()?
                    .into_iter()
                    .map(|(rel, abs, regular)| Found {
                        copy: !rel.ends_with(".py") || entries.contains(&rel),
                        rel,
                        abs,
                        opt: None,
                        version: None,
                        regular,
                    })
                    .collect()
            }
        };
        self.classify(files)
    }

    /// Walks the root for files matching `sources` and not `exclude`, in sorted order, each with whether it
    /// is known to be a regular file (seen as one in its directory listing, not through a symbolic link).
    fn walk(&self) -> Result<Vec<(String, PathBuf, bool)>> {
        let include = globs(self.config.sources.as_deref().unwrap_or(&["**/*.py".to_string()]))?;
        let exclude = globs(&self.config.exclude)?;
        let out_dir = self.out_dir();
        let cache_dir = self.cache_dir();
        let canon_root = self.root.canonicalize().map_err(|e| Error::io("read", &self.root, e))?;
        let mut found = Vec::new();
        // Each directory with whether it was reached through a symbolic link (its files are then checked).
        let mut stack = vec![(self.root.clone(), false)];
        while let Some((dir, via_link)) = stack.pop() {
            let rd = std::fs::read_dir(&dir).map_err(|e| Error::io("read directory", &dir, e))?;
            let mut entries: Vec<_> = rd.filter_map(std::result::Result::ok).collect();
            entries.sort_by_key(std::fs::DirEntry::file_name);
            for entry in entries.into_iter().rev() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.starts_with('.') {
                    continue;
                }
                let path = entry.path();
                // The listing's file type (no stat per file); a link is followed to see what it names.
                let file_type = entry.file_type().ok();
                let is_link = file_type.is_none_or(|t| t.is_symlink());
                let is_dir = if is_link {
                    std::fs::metadata(&path).map(|m| m.is_dir()).unwrap_or(false)
                } else {
                    file_type.is_some_and(|t| t.is_dir())
                };
                if is_dir {
                    if SKIP_DIRS.contains(&name.as_ref()) && dir == self.root || path == out_dir || path == cache_dir {
                        continue;
                    }
                    stack.push((path, via_link || is_link));
                    continue;
                }
                let Some(rel) = fsutil::rel_slash(&path, &self.root) else {
                    return Err(Error::BadName {
                        name: path.display().to_string(),
                        reason: "the path is not valid UTF-8".to_string(),
                    });
                };
                if !include.is_match(&rel) || exclude.is_match(&rel) {
                    continue;
                }
                // A symlink may point outside the project: refuse it rather than embed foreign files. A file
                // reached without any link is inside the root by construction (no need to resolve its path).
                if is_link || via_link {
                    let canon = path.canonicalize().map_err(|e| Error::io("read", &path, e))?;
                    if !canon.starts_with(&canon_root) {
                        return Err(Error::PathEscapes { path: canon, root: canon_root });
                    }
                }
                let regular = !is_link && file_type.is_some_and(|t| t.is_file());
                found.push((rel, path, regular));
            }
        }
        found.sort();
        Ok(found)
    }

    /// Decides each file's action and options, and checks for clashes.
    fn classify(&self, files: Vec<Found>) -> Result<Vec<Unit>> {
        let default_emit = self.config.compile.emit.as_deref().and_then(config::parse_emit).unwrap_or_default();
        let default_opt = self.config.compile.opt.unwrap_or(0);
        let overrides: Vec<(globset::GlobMatcher, config::Override)> = self
            .config
            .overrides()
            .into_iter()
            .filter_map(|o| Glob::new(&o.glob).ok().map(|g| (g.compile_matcher(), o)))
            .collect();
        let mut units = Vec::new();
        for Found { rel, abs, opt: manifest_opt, version, copy, regular } in files {
            if !regular && !abs.is_file() {
                return Err(Error::Missing { path: abs, origin: "the project sources".to_string() });
            }
            let action = if copy { Action::Copy } else { Action::Compile };
            let out = match action {
                Action::Compile => format!("{}.mpy", &rel[..rel.len() - 3]),
                Action::Copy => rel.clone(),
            };
            let mut emit = default_emit;
            let mut opt = manifest_opt.unwrap_or(default_opt);
            for (m, o) in &overrides {
                if m.is_match(&rel) {
                    if let Some(e) = o.emit {
                        emit = e;
                    }
                    if let Some(x) = o.opt {
                        opt = x;
                    }
                }
            }
            if action == Action::Compile && emit != EmitOpt::Bytecode && self.target.arch.is_none() {
                return Err(Error::Target {
                    message: format!("`{rel}` is compiled with the {} emitter but the target has no arch", emit_name(emit)),
                    help: "set [target] board = \"...\" or arch = \"...\" in mpbuild.toml".to_string(),
                });
            }
            units.push(Unit { rel, abs, out, action, emit, opt, version });
        }
        check_clashes(&units)?;
        if units.iter().any(|u| u.action == Action::Compile && u.emit != EmitOpt::Bytecode) {
            self.target.check_version(true)?;
        }
        units.sort_by(|a, b| a.out.cmp(&b.out));
        Ok(units)
    }
}

fn globs(patterns: &[String]) -> Result<GlobSet> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let g = globset::GlobBuilder::new(p).literal_separator(true).build().map_err(|e| Error::ConfigValue {
            path: PathBuf::from("mpbuild.toml"),
            key: "sources".to_string(),
            message: format!("bad glob `{p}`: {e}"),
        })?;
        b.add(g);
    }
    b.build().map_err(|e| Error::ConfigValue {
        path: PathBuf::from("mpbuild.toml"),
        key: "sources".to_string(),
        message: e.to_string(),
    })
}

/// The module a path imports as (`a/b.py` → `a.b`, `a/__init__.py` → `a`), or `None` for non-modules.
pub fn module_name(rel: &str) -> Option<String> {
    let stem = rel.strip_suffix(".py").or_else(|| rel.strip_suffix(".mpy"))?;
    let stem = stem.strip_suffix("/__init__").unwrap_or(stem);
    Some(stem.replace('/', "."))
}

/// Two files that would import as the same module, or that write the same output path.
fn check_clashes(units: &[Unit]) -> Result<()> {
    let mut modules: BTreeMap<String, &str> = BTreeMap::new();
    let mut outs: BTreeMap<&str, &str> = BTreeMap::new();
    for u in units {
        if let Some(first) = outs.insert(&u.out, &u.rel) {
            return Err(Error::NameClash { module: u.out.clone(), first: first.to_string(), second: u.rel.clone() });
        }
        if let Some(m) = module_name(&u.rel) {
            if let Some(first) = modules.insert(m.clone(), &u.rel) {
                let (first, second) = if first < u.rel.as_str() { (first, u.rel.as_str()) } else { (u.rel.as_str(), first) };
                return Err(Error::NameClash { module: m, first: first.to_string(), second: second.to_string() });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names() {
        assert_eq!(module_name("a/b.py").as_deref(), Some("a.b"));
        assert_eq!(module_name("a/__init__.py").as_deref(), Some("a"));
        assert_eq!(module_name("x.mpy").as_deref(), Some("x"));
        assert_eq!(module_name("data.json"), None);
    }
}
