//! Configuration: the `[target]`, `[compile]` and `[lint]` tables of the project's `mpbuild.toml`, read with
//! the same schema `mpbuild` uses (the `mpconfig` crate), overridden by the editor's settings
//! (`initializationOptions` and `workspace/didChangeConfiguration`, both the same JSON shape).
//!
//! ```toml
//! [target]
//! board = "RPI_PICO"     # or arch = "armv6m": -march for native/viper sizes and checks
//! micropython = "1.29"   # the MicroPython version the code runs on
//!
//! [compile]
//! emit = "bytecode"      # default emitter: bytecode, native or viper
//!
//! [lint]
//! select = ["MP101", "MP103"]   # default: every rule
//! ignore = ["MP104"]
//! compile = true                # report what mpy-cross would report
//!
//! [lint.severity]
//! MP103 = "warning"
//! ```
//!
//! The three tables are strict about their keys (as in `mpbuild`); the rest of the file is `mpbuild`'s.

use std::collections::BTreeMap;
use std::path::Path;

use mpconfig::{LintConfig, Shared};
use mpy_vm::analysis::Settings;
use serde::Deserialize;

/// The file name looked up in the workspace root.
pub const PROJECT_FILE: &str = "mpbuild.toml";

/// The MicroPython version our compiler reproduces (mpy-cross 1.29, .mpy v6.3).
pub const SUPPORTED_VERSION: &str = "1.29";

/// What mpls reads of `mpbuild.toml`.
pub type ProjectFile = Shared;

/// The editor's settings: `[lint]`'s keys and the target's, flattened, camelCase.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ClientSettings {
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub severity: Option<BTreeMap<String, String>>,
    pub compile_diagnostics: Option<bool>,
    pub micropython: Option<String>,
    pub arch: Option<String>,
    pub emit: Option<String>,
}

impl ClientSettings {
    /// Reads settings sent by a client: either the object itself or wrapped as `{"mpls": {...}}`.
    pub fn from_json(v: &serde_json::Value) -> Result<Self, String> {
        let inner = v.get("mpls").unwrap_or(v);
        if inner.is_null() {
            return Ok(ClientSettings::default());
        }
        serde_json::from_value(inner.clone()).map_err(|e| format!("invalid mpls settings: {e}"))
    }

    fn lint(&self) -> LintConfig {
        LintConfig {
            select: self.select.clone(),
            ignore: self.ignore.clone().unwrap_or_default(),
            severity: self.severity.clone().unwrap_or_default(),
            compile: self.compile_diagnostics,
        }
    }
}

/// Everything the server needs to analyse a file, and the problems found while building it.
#[derive(Clone, Debug)]
pub struct Config {
    pub settings: Settings,
    pub micropython: String,
    /// Problems with the configuration (unknown rule codes, bad values), reported to the user.
    pub warnings: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config { settings: Settings::default(), micropython: SUPPORTED_VERSION.to_string(), warnings: Vec::new() }
    }
}

/// Reads `mpbuild.toml` from `root` (a missing file is the default configuration).
pub fn read_project(root: &Path) -> Result<Option<ProjectFile>, String> {
    let path = root.join(PROJECT_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    parse_project(&text).map(Some).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn parse_project(text: &str) -> Result<ProjectFile, String> {
    Shared::parse(text)
}

/// Builds the configuration from the project file and the client's settings (the client wins).
pub fn resolve(project: Option<&ProjectFile>, client: &ClientSettings) -> Config {
    let default_project = ProjectFile::default();
    let p = project.unwrap_or(&default_project);
    let mut target = p.target.clone();
    if let Some(a) = &client.arch {
        target.arch = Some(a.clone());
    }
    let mut compile = p.compile.clone();
    if let Some(e) = &client.emit {
        compile.emit = Some(e.clone());
    }
    let (opts, problems) = mpconfig::compile_options(&target, &compile, None);
    let mut warnings: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let mut settings = Settings { compile: opts, ..Settings::default() };
    let lint = p.lint.overlay(&client.lint(), client.ignore.is_some());
    warnings.extend(lint.apply(&mut settings).iter().map(ToString::to_string));
    let mut cfg = Config { settings, ..Config::default() };
    if let Some(v) = client.micropython.as_ref().or(p.target.micropython.as_ref()) {
        if v != SUPPORTED_VERSION && !v.starts_with(&format!("{SUPPORTED_VERSION}.")) {
            warnings.push(format!("MicroPython {v} is not supported; diagnostics are for {SUPPORTED_VERSION}"));
        }
        cfg.micropython = v.clone();
    }
    cfg.warnings = warnings;
    cfg
}

#[cfg(test)]
mod tests {
    use super::*;
    use mpy_vm::analysis::{Rule, Severity};
    use mpy_vm::{Arch, EmitOpt};

    #[test]
    fn project_file_and_client_override() {
        let p = parse_project(
            "[build]\nanything = 1\n[target]\narch = \"armv6m\"\nmicropython = \"1.29\"\n[lint]\nignore = [\"MP104\"]\n[lint.severity]\nMP103 = \"warning\"\n",
        )
        .unwrap();
        let c = ClientSettings::from_json(&serde_json::json!({"mpls": {"select": ["MP103", "MP104", "MP999"]}})).unwrap();
        let cfg = resolve(Some(&p), &c);
        assert_eq!(cfg.settings.compile.arch, Some(Arch::Armv6m));
        assert!(cfg.settings.is_enabled(Rule::GlobalLookupInLoop));
        assert!(!cfg.settings.is_enabled(Rule::AttributeLookupInLoop));
        assert!(!cfg.settings.is_enabled(Rule::ModuleConstantWithoutConst));
        assert_eq!(cfg.settings.severity.get(&Rule::GlobalLookupInLoop), Some(&Severity::Warning));
        assert_eq!(cfg.warnings, ["`lint.select[2]`: `MP999` is not a rule code (MP101 ... MP109)"]);
    }

    /// The shared tables are as strict as in mpbuild; mpbuild's other tables are left alone.
    #[test]
    fn shared_tables_are_strict() {
        assert!(parse_project("[lint]\nselekt = []\n").is_err());
        assert!(parse_project("[target]\nwhatever = 1\n").is_err());
        assert!(parse_project("[target]\nemit = \"viper\"\n").is_err());
        assert!(parse_project("[deploy]\nport = \"/dev/ttyUSB0\"\n[romfs]\npartition-size = 4096\n").is_ok());
    }

    /// The emitter comes from `[compile] emit` and the architecture from `[target]` (a board's or `arch`).
    #[test]
    fn emitter_and_arch_where_mpbuild_puts_them() {
        let p = parse_project("[target]\nboard = \"ESP32_GENERIC_S3\"\n[compile]\nemit = \"native\"\n").unwrap();
        let cfg = resolve(Some(&p), &ClientSettings::default());
        assert_eq!(cfg.settings.compile.emit, EmitOpt::Native);
        assert_eq!(cfg.settings.compile.arch, Some(Arch::Xtensawin));
        assert!(cfg.warnings.is_empty(), "{:?}", cfg.warnings);
        let c = ClientSettings { emit: Some("viper".into()), arch: Some("x64".into()), ..Default::default() };
        let cfg = resolve(Some(&p), &c);
        assert_eq!((cfg.settings.compile.emit, cfg.settings.compile.arch), (EmitOpt::Viper, Some(Arch::X64)));
    }
}
