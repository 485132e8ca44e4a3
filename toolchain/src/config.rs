//! `mpbuild.toml`: the project configuration schema, read from `mpbuild.toml` or from
//! `[package.metadata.mpbuild]` / `[workspace.metadata.mpbuild]` in a Cargo manifest. Unknown keys are errors
//! that name the key's full path. The schema is documented in `docs/mpbuild-toml.md`.
//!
//! The tables the `mpls` language server reads too (`[target]`, `[compile]`, `[lint]`) are defined in the
//! `mpconfig` crate and embedded here, so both tools accept exactly the same keys and values.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use mpconfig::{emit_name, parse_emit, CompileConfig, LintConfig, Override, TargetConfig};

/// The whole configuration table.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Project name (default: the directory name). Names the default ROMFS image.
    pub name: Option<String>,
    /// Globs (relative to the project root) selecting the files to build. Default `["**/*.py"]`.
    pub sources: Option<Vec<String>>,
    /// Globs of files to leave out.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Files kept as `.py` (copied, not compiled). Default `["boot.py", "main.py"]`.
    pub entries: Option<Vec<String>>,
    /// A MicroPython `manifest.py` that lists the modules instead of `sources`.
    pub manifest: Option<String>,
    #[serde(default)]
    pub target: TargetConfig,
    #[serde(default)]
    pub compile: CompileConfig,
    #[serde(default)]
    pub output: OutputConfig,
    #[serde(default)]
    pub romfs: RomfsConfig,
    /// `[lint]`: the rules of `mpbuild check` and of the editor's mpls, and their severities.
    #[serde(default)]
    pub lint: LintConfig,
    /// `[deploy]`: how `mpbuild deploy` mirrors the build onto a board.
    #[serde(default)]
    pub deploy: crate::deploy::config::DeployConfig,
    /// The `$(VAR)` directories of manifest files.
    #[serde(default)]
    pub manifest_vars: ManifestVars,
}

/// `[output]`: where results go (relative to the project root).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OutputConfig {
    /// The `.mpy` tree (default `build/mpy`).
    pub dir: Option<String>,
    /// The ROMFS image (default `build/<name>.romfs`).
    pub romfs: Option<String>,
    /// Frozen-module C source (default `build/frozen_content.c`).
    pub frozen: Option<String>,
    /// The content-hash cache (default `.mpbuild/cache`).
    pub cache: Option<String>,
}

/// `[romfs]`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RomfsConfig {
    /// Partition size in bytes, overriding the board table.
    pub partition_size: Option<u64>,
    /// Prefix for the source names embedded in the `.mpy` files (mpremote embeds `<dir>/`).
    pub source_prefix: Option<String>,
}

/// `[manifest-vars]`: directories for `$(MPY_DIR)`, `$(MPY_LIB_DIR)`, `$(PORT_DIR)`, `$(BOARD_DIR)`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ManifestVars {
    pub mpy_dir: Option<String>,
    pub mpy_lib_dir: Option<String>,
    pub port_dir: Option<String>,
    pub board_dir: Option<String>,
}

/// Where a configuration came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ConfigSource {
    /// An `mpbuild.toml` file.
    File { path: PathBuf },
    /// `[package.metadata.mpbuild]` or `[workspace.metadata.mpbuild]` of a Cargo manifest.
    Cargo { manifest: PathBuf, table: String },
    /// No file: defaults for a plain directory.
    Defaults,
}

impl Config {
    /// Parses `mpbuild.toml` text. `path` is only used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let value: toml::Value = toml::from_str(text)
            .map_err(|e| Error::ConfigSyntax { path: path.to_path_buf(), message: e.to_string().trim_end().to_string() })?;
        Config::from_value(value, path, "")
    }

    /// Deserialises an already parsed table; `prefix` is prepended to key paths in errors
    /// (`package.metadata.mpbuild.`).
    pub fn from_value(value: toml::Value, path: &Path, prefix: &str) -> Result<Config> {
        let cfg: Config = serde_path_to_error::deserialize(value).map_err(|e| {
            let key = e.path().to_string();
            let inner = e.into_inner().to_string();
            classify(path, prefix, &key, &inner)
        })?;
        cfg.validate(path, prefix)?;
        Ok(cfg)
    }

    fn validate(&self, path: &Path, prefix: &str) -> Result<()> {
        let bad = |key: &str, message: String| Error::ConfigValue {
            path: path.to_path_buf(),
            key: format!("{prefix}{key}"),
            message,
        };
        let problem = |p: mpconfig::Problem| {
            if p.unknown_key {
                Error::ConfigUnknownKey { path: path.to_path_buf(), key: format!("{prefix}{}", p.key), help: p.message }
            } else {
                Error::ConfigValue { path: path.to_path_buf(), key: format!("{prefix}{}", p.key), message: p.message }
            }
        };
        self.compile.validate().map_err(problem)?;
        if let Some(p) = self.lint.problems().into_iter().next() {
            return Err(problem(p));
        }
        if let Some(b) = self.target.small_int_bits {
            if !(1..=63).contains(&b) {
                return Err(bad("target.small-int-bits", format!("{b} is not in 1..=63")));
            }
        }
        if self.target.micropython.is_some() && self.target.mpy.is_some() {
            return Err(bad("target.mpy", "give either `micropython` or `mpy`, not both".to_string()));
        }
        for g in self.sources.iter().flatten().chain(&self.exclude) {
            if let Err(e) = globset::Glob::new(g) {
                return Err(bad("sources", format!("bad glob `{g}`: {e}")));
            }
        }
        Ok(())
    }

    /// The validated `[compile.overrides]`, in file order.
    pub fn overrides(&self) -> Vec<Override> {
        self.compile.overrides().unwrap_or_default()
    }
}

/// Turns a serde error into an unknown-key or invalid-value error with the key's full path.
fn classify(path: &Path, prefix: &str, key: &str, inner: &str) -> Error {
    if let Some(rest) = inner.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        // serde_path_to_error stops at the table holding the unknown key; add the key itself.
        let full = if key == "." || key.is_empty() {
            format!("{prefix}{field}")
        } else if key.ends_with(field) {
            format!("{prefix}{key}")
        } else {
            format!("{prefix}{key}.{field}")
        };
        let expected = inner.split_once(", expected ").map(|(_, e)| e.to_string());
        let help = match expected {
            Some(e) => format!("known keys here: {}", e.replace("one of ", "")),
            None => "remove the key (see docs/mpbuild-toml.md)".to_string(),
        };
        return Error::ConfigUnknownKey { path: path.to_path_buf(), key: full, help };
    }
    let key = if key == "." { String::new() } else { key.to_string() };
    Error::ConfigValue { path: path.to_path_buf(), key: format!("{prefix}{key}"), message: inner.to_string() }
}

/// Finds and reads the configuration for a project directory or configuration file.
///
/// * a file named `Cargo.toml`: its `[package.metadata.mpbuild]` (or the workspace's);
/// * another file: read as `mpbuild.toml`;
/// * a directory: its `mpbuild.toml`, else its `Cargo.toml` if it has an mpbuild table, else defaults.
///
/// Returns the project root (the directory holding the configuration), the configuration and its source.
pub fn load(path: &Path) -> Result<(PathBuf, Config, ConfigSource)> {
    if path.is_file() {
        let root = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let root = if root.as_os_str().is_empty() { PathBuf::from(".") } else { root };
        if path.file_name().is_some_and(|n| n == "Cargo.toml") {
            return match cargo_table(path)? {
                Some((cfg, src)) => Ok((root, cfg, src)),
                None => Err(Error::ConfigNotFound { start: root }),
            };
        }
        let text = std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?;
        let cfg = Config::parse(&text, path)?;
        return Ok((root, cfg, ConfigSource::File { path: path.to_path_buf() }));
    }
    if !path.is_dir() {
        return Err(Error::Missing { path: path.to_path_buf(), origin: "the command line".to_string() });
    }
    if let Some(found) = in_dir(path)? {
        return Ok(found);
    }
    Ok((path.to_path_buf(), Config::default(), ConfigSource::Defaults))
}

/// Searches `start` and its parents for a configuration (used when no project is named).
pub fn discover(start: &Path) -> Result<(PathBuf, Config, ConfigSource)> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        if let Some(found) = in_dir(d)? {
            return Ok(found);
        }
        dir = d.parent();
    }
    Err(Error::ConfigNotFound { start: start.to_path_buf() })
}

fn in_dir(dir: &Path) -> Result<Option<(PathBuf, Config, ConfigSource)>> {
    let file = dir.join("mpbuild.toml");
    if file.is_file() {
        let text = std::fs::read_to_string(&file).map_err(|e| Error::io("read", &file, e))?;
        let cfg = Config::parse(&text, &file)?;
        return Ok(Some((dir.to_path_buf(), cfg, ConfigSource::File { path: file })));
    }
    let cargo = dir.join("Cargo.toml");
    if cargo.is_file() && cargo_mentions_mpbuild(&cargo) {
        if let Some((cfg, src)) = cargo_table(&cargo)? {
            return Ok(Some((dir.to_path_buf(), cfg, src)));
        }
    }
    Ok(None)
}

/// Cheap pre-check so that `cargo metadata` only runs for manifests that mention mpbuild at all.
fn cargo_mentions_mpbuild(manifest: &Path) -> bool {
    std::fs::read_to_string(manifest).is_ok_and(|t| t.contains("metadata.mpbuild"))
}

/// Reads `[package.metadata.mpbuild]`, falling back to `[workspace.metadata.mpbuild]`, with cargo_metadata.
fn cargo_table(manifest: &Path) -> Result<Option<(Config, ConfigSource)>> {
    let md = cargo_metadata::MetadataCommand::new()
        .manifest_path(manifest)
        .no_deps()
        .exec()
        .map_err(|e| Error::CargoMetadata { manifest: manifest.to_path_buf(), message: e.to_string() })?;
    let canon = manifest.canonicalize().unwrap_or_else(|_| manifest.to_path_buf());
    let pkg = md.packages.iter().find(|p| p.manifest_path.as_std_path() == canon);
    let candidates = [
        (pkg.map(|p| &p.metadata), "package.metadata.mpbuild"),
        (Some(&md.workspace_metadata), "workspace.metadata.mpbuild"),
    ];
    for (meta, table) in candidates {
        let Some(v) = meta.and_then(|m| m.get("mpbuild")) else { continue };
        let value: toml::Value = serde_json::from_value(v.clone()).map_err(|e| Error::ConfigValue {
            path: manifest.to_path_buf(),
            key: table.to_string(),
            message: e.to_string(),
        })?;
        let cfg = Config::from_value(value, manifest, &format!("{table}."))?;
        return Ok(Some((cfg, ConfigSource::Cargo { manifest: manifest.to_path_buf(), table: table.to_string() })));
    }
    Ok(None)
}
