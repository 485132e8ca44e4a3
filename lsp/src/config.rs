//! Configuration: the `[target]` and `[lint]` sections of the project's `mpbuild.toml` (shared with
//! `mpbuild`), overridden by the editor's settings (`initializationOptions` and
//! `workspace/didChangeConfiguration`, both the same JSON shape).
//!
//! ```toml
//! [target]
//! micropython = "1.29"   # the MicroPython version the code runs on
//! arch = "armv6m"        # -march for native/viper sizes and checks
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
//! Only `[lint]` is strict about unknown keys: the rest of `mpbuild.toml` belongs to `mpbuild`.

use std::collections::HashMap;
use std::path::Path;

use mpy_vm::analysis::{Rule, Settings, Severity};
use mpy_vm::{Arch, CompileOptions, EmitOpt};
use serde::Deserialize;

/// The file name looked up in the workspace root.
pub const PROJECT_FILE: &str = "mpbuild.toml";

/// The MicroPython version our compiler reproduces (mpy-cross 1.29, .mpy v6.3).
pub const SUPPORTED_VERSION: &str = "1.29";

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct ProjectFile {
    #[serde(default)]
    pub target: TargetSection,
    #[serde(default)]
    pub lint: LintSection,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct TargetSection {
    pub micropython: Option<String>,
    pub arch: Option<String>,
    pub emit: Option<String>,
    pub board: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LintSection {
    pub select: Option<Vec<String>>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub severity: HashMap<String, String>,
    pub compile: Option<bool>,
}

/// The editor's settings: the same keys as `mpbuild.toml`'s two sections, flattened, camelCase.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ClientSettings {
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub severity: Option<HashMap<String, String>>,
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
    toml::from_str(text).map_err(|e| e.to_string())
}

/// Builds the configuration from the project file and the client's settings (the client wins).
pub fn resolve(project: Option<&ProjectFile>, client: &ClientSettings) -> Config {
    let mut cfg = Config::default();
    let default_project = ProjectFile::default();
    let p = project.unwrap_or(&default_project);
    let mut warnings = Vec::new();
    let rules = |codes: &[String], warnings: &mut Vec<String>| -> Vec<Rule> {
        codes
            .iter()
            .filter_map(|c| {
                let r = Rule::from_code(c);
                if r.is_none() && !c.eq_ignore_ascii_case("ALL") {
                    warnings.push(format!("unknown rule `{c}`"));
                }
                r
            })
            .collect()
    };
    let select = client.select.as_ref().or(p.lint.select.as_ref());
    cfg.settings.select = select.and_then(|s| {
        if s.iter().any(|c| c.eq_ignore_ascii_case("ALL")) {
            None
        } else {
            Some(rules(s, &mut warnings))
        }
    });
    cfg.settings.ignore = rules(client.ignore.as_ref().unwrap_or(&p.lint.ignore), &mut warnings);
    let mut sev = p.lint.severity.clone();
    if let Some(s) = &client.severity {
        sev.extend(s.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    for (code, level) in &sev {
        match (Rule::from_code(code), Severity::parse(level)) {
            (Some(r), Some(s)) => {
                cfg.settings.severity.insert(r, s);
            }
            (None, _) => warnings.push(format!("unknown rule `{code}` in severity")),
            (_, None) => warnings.push(format!("unknown severity `{level}` for {code}")),
        }
    }
    cfg.settings.compile_diagnostics = client.compile_diagnostics.or(p.lint.compile).unwrap_or(true);
    let mut opts = CompileOptions::default();
    if let Some(a) = client.arch.as_ref().or(p.target.arch.as_ref()) {
        match Arch::from_name(a) {
            Some(arch) => opts.arch = Some(arch),
            None => warnings.push(format!("unknown arch `{a}`")),
        }
    }
    if let Some(e) = client.emit.as_ref().or(p.target.emit.as_ref()) {
        match e.as_str() {
            "bytecode" => opts.emit = EmitOpt::Bytecode,
            "native" => opts.emit = EmitOpt::Native,
            "viper" => opts.emit = EmitOpt::Viper,
            other => warnings.push(format!("unknown emitter `{other}` (bytecode, native or viper)")),
        }
    }
    cfg.settings.compile = opts;
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
        assert_eq!(cfg.warnings, ["unknown rule `MP999`"]);
    }

    #[test]
    fn lint_section_is_strict() {
        assert!(parse_project("[lint]\nselekt = []\n").is_err());
        assert!(parse_project("[target]\nwhatever = 1\n").is_ok());
    }
}
