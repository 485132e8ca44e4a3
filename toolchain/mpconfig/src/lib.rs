//! The tables of `mpbuild.toml` that both `mpbuild` and the `mpls` language server read — `[target]`,
//! `[compile]` and `[lint]` — defined once, with how they become compiler options and analysis settings.
//!
//! `mpbuild` embeds these types in its full configuration (which rejects unknown keys everywhere, see
//! `docs/mpbuild-toml.md`); `mpls` reads only these three tables through [`Shared`] and leaves the rest of
//! the file to `mpbuild`. A separate crate so that the language server does not depend on the toolchain
//! (serial ports, probe-rs, espflash) to read its configuration.

pub mod boards;
pub mod lint;

use mpy_vm::{Arch, CompileOptions, EmitOpt};
use serde::{Deserialize, Serialize};

pub use lint::LintConfig;

/// `[target]`: what the `.mpy` files are for.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TargetConfig {
    /// A board ID from the board table (`RPI_PICO`, `ESP32_GENERIC_S3`, ...).
    pub board: Option<String>,
    /// A board variant (`FLASH_2M_ROMFS`, `RISCV`, ...).
    pub variant: Option<String>,
    /// Explicit native architecture (`-march`), overriding the board's. `"none"` for bytecode only.
    pub arch: Option<String>,
    /// RISC-V extensions (`zba`, `zcmp`).
    pub arch_flags: Option<Vec<String>>,
    /// The MicroPython release the firmware runs (`"1.29"`).
    pub micropython: Option<String>,
    /// The `.mpy` version (`"6.3"`), instead of `micropython`.
    pub mpy: Option<String>,
    /// `-msmall-int-bits` (default 31).
    pub small_int_bits: Option<u8>,
}

/// `[compile]`: how sources are compiled.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CompileConfig {
    /// Default emitter: `bytecode`, `native` or `viper`.
    pub emit: Option<String>,
    /// `-O` level, 0 to 3.
    pub opt: Option<u8>,
    /// `-X no-source-lines`.
    pub no_source_lines: Option<bool>,
    /// Glob → emitter (`"lib/dsp/*.py" = "viper"`) or table `{ emit = "viper", opt = 2 }`. Later globs win.
    #[serde(default)]
    pub overrides: toml::Table,
}

/// The tables `mpls` reads from `mpbuild.toml`; every other table belongs to `mpbuild` and is ignored here.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Shared {
    #[serde(default)]
    pub target: TargetConfig,
    #[serde(default)]
    pub compile: CompileConfig,
    #[serde(default)]
    pub lint: LintConfig,
}

impl Shared {
    /// Parses `mpbuild.toml` text for its shared tables (the same types `mpbuild` uses, so the same keys
    /// are accepted and rejected).
    pub fn parse(text: &str) -> Result<Shared, String> {
        toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())
    }
}

/// A problem with one value of these tables: its key path (`compile.emit`), what is wrong, and whether the
/// key itself is unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub message: String,
    pub unknown_key: bool,
}

impl Problem {
    fn value(key: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { key: key.into(), message: message.into(), unknown_key: false }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.unknown_key {
            write!(f, "unknown key `{}` ({})", self.key, self.message)
        } else {
            write!(f, "`{}`: {}", self.key, self.message)
        }
    }
}

/// The spelling of an emitter in the configuration and on mpy-cross's command line.
pub fn emit_name(e: EmitOpt) -> &'static str {
    match e {
        EmitOpt::Bytecode => "bytecode",
        EmitOpt::Native => "native",
        EmitOpt::Viper => "viper",
    }
}

/// Parses an emitter name.
pub fn parse_emit(s: &str) -> Option<EmitOpt> {
    match s {
        "bytecode" => Some(EmitOpt::Bytecode),
        "native" => Some(EmitOpt::Native),
        "viper" => Some(EmitOpt::Viper),
        _ => None,
    }
}

/// One per-glob override of `[compile.overrides]`, validated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Override {
    pub glob: String,
    #[serde(serialize_with = "ser_emit")]
    pub emit: Option<EmitOpt>,
    pub opt: Option<u8>,
}

fn ser_emit<S: serde::Serializer>(e: &Option<EmitOpt>, s: S) -> Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.serialize_some(emit_name(*e)),
        None => s.serialize_none(),
    }
}

impl CompileConfig {
    /// Checks `emit` and `opt` and every override (the first problem).
    pub fn validate(&self) -> Result<(), Problem> {
        if let Some(e) = &self.emit {
            if parse_emit(e).is_none() {
                return Err(Problem::value("compile.emit", format!("`{e}` is not one of bytecode, native, viper")));
            }
        }
        if let Some(o) = self.opt {
            if o > 3 {
                return Err(Problem::value("compile.opt", format!("{o} is not in 0..=3")));
            }
        }
        self.overrides().map(|_| ())
    }

    /// The validated `[compile.overrides]`, in file order.
    pub fn overrides(&self) -> Result<Vec<Override>, Problem> {
        let mut out = Vec::new();
        for (glob, v) in &self.overrides {
            let key = format!("compile.overrides.\"{glob}\"");
            let bad = |message: String| Problem::value(key.clone(), message);
            if let Err(e) = globset::Glob::new(glob) {
                return Err(bad(format!("bad glob: {e}")));
            }
            let not_emitter = |s: &str| bad(format!("`{s}` is not one of bytecode, native, viper"));
            let (emit, opt) = match v {
                toml::Value::String(s) => (Some(parse_emit(s).ok_or_else(|| not_emitter(s))?), None),
                toml::Value::Table(t) => {
                    let mut emit = None;
                    let mut opt = None;
                    for (k, v) in t {
                        match (k.as_str(), v) {
                            ("emit", toml::Value::String(s)) => emit = Some(parse_emit(s).ok_or_else(|| not_emitter(s))?),
                            ("opt", toml::Value::Integer(i)) if (0..=3).contains(i) => opt = Some(*i as u8),
                            ("emit" | "opt", _) => return Err(bad(format!("bad value for `{k}`"))),
                            _ => {
                                return Err(Problem {
                                    key: format!("{key}.{k}"),
                                    message: "an override table takes `emit` and `opt`".to_string(),
                                    unknown_key: true,
                                })
                            }
                        }
                    }
                    (emit, opt)
                }
                _ => return Err(bad("expected an emitter name or a table { emit, opt }".to_string())),
            };
            out.push(Override { glob: glob.clone(), emit, opt });
        }
        Ok(out)
    }

    /// The emitter and `-O` level for a source file (`rel`: its path relative to the project root,
    /// `/`-separated): `emit` and `opt`, then every matching override in order (later ones win).
    pub fn for_file(&self, rel: Option<&str>) -> (EmitOpt, u8) {
        let mut emit = self.emit.as_deref().and_then(parse_emit).unwrap_or_default();
        let mut opt = self.opt.unwrap_or(0);
        if let Some(rel) = rel {
            for o in self.overrides().unwrap_or_default() {
                if globset::Glob::new(&o.glob).is_ok_and(|g| g.compile_matcher().is_match(rel)) {
                    emit = o.emit.unwrap_or(emit);
                    opt = o.opt.unwrap_or(opt);
                }
            }
        }
        (emit, opt)
    }
}

impl TargetConfig {
    /// The `-march` of this target: `arch` (`"none"`: bytecode only), else the board's (with its variant),
    /// else none. An unknown name is a problem (and no architecture).
    pub fn arch(&self) -> Result<Option<Arch>, Problem> {
        if let Some(a) = &self.arch {
            if a == "none" {
                return Ok(None);
            }
            return Arch::from_name(a).map(Some).ok_or_else(|| Problem::value("target.arch", format!("unknown arch `{a}`")));
        }
        match &self.board {
            Some(b) => match boards::arch_of(b, self.variant.as_deref()) {
                Some(a) => Ok(Arch::from_name(a)),
                None => Err(Problem::value("target.board", format!("unknown board `{b}` (`mpbuild boards` lists them)"))),
            },
            None => Ok(None),
        }
    }
}

/// The compiler options the diagnostics of one file are computed with: the target's architecture and
/// small-int width, and the file's emitter and `-O` level (with `[compile.overrides]`). What `mpbuild`
/// builds with; the `.mpy` header fields that do not change diagnostics (arch flags) are left out.
pub fn compile_options(target: &TargetConfig, compile: &CompileConfig, rel: Option<&str>) -> (CompileOptions, Vec<Problem>) {
    let mut problems = Vec::new();
    let (emit, opt_level) = compile.for_file(rel);
    if let Err(p) = compile.validate() {
        problems.push(p);
    }
    let arch = target.arch().unwrap_or_else(|p| {
        problems.push(p);
        None
    });
    let opts = CompileOptions {
        source_name: rel.unwrap_or("<stdin>").to_string(),
        opt_level,
        no_source_lines: compile.no_source_lines.unwrap_or(false),
        small_int_bits: target.small_int_bits.unwrap_or(31),
        arch,
        emit,
        ..CompileOptions::default()
    };
    (opts, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_tables_are_strict_and_the_rest_is_ignored() {
        let s = Shared::parse(
            "name = \"x\"\n[deploy]\nport = \"/dev/ttyACM0\"\n[target]\nboard = \"RPI_PICO\"\n[compile]\nemit = \"native\"\nopt = 2\n[compile.overrides]\n\"lib/*.py\" = { emit = \"viper\", opt = 1 }\n[lint]\nignore = [\"MP104\"]\n",
        )
        .unwrap();
        assert_eq!(s.target.arch(), Ok(Some(Arch::Armv6m)));
        assert_eq!(s.compile.for_file(Some("main.py")), (EmitOpt::Native, 2));
        assert_eq!(s.compile.for_file(Some("lib/dsp.py")), (EmitOpt::Viper, 1));
        assert!(Shared::parse("[target]\nemit = \"viper\"\n").unwrap_err().contains("unknown field `emit`"));
        assert!(Shared::parse("[lint]\nselekt = []\n").is_err());
        let (opts, problems) = compile_options(&s.target, &s.compile, Some("lib/dsp.py"));
        assert!(problems.is_empty());
        assert_eq!((opts.arch, opts.emit, opts.opt_level, opts.source_name.as_str()), (Some(Arch::Armv6m), EmitOpt::Viper, 1, "lib/dsp.py"));
    }

    #[test]
    fn bad_values_are_named_by_key() {
        let c = CompileConfig { emit: Some("fast".into()), ..Default::default() };
        assert_eq!(c.validate().unwrap_err().key, "compile.emit");
        let t = TargetConfig { board: Some("NO_SUCH_BOARD".into()), ..Default::default() };
        assert_eq!(t.arch().unwrap_err().key, "target.board");
        let t = TargetConfig { board: Some("RPI_PICO".into()), arch: Some("none".into()), ..Default::default() };
        assert_eq!(t.arch(), Ok(None));
    }
}
