//! Suggestions for the hottest functions, from the analyses the editor uses (`mpy_vm::analysis`, rules
//! MP101–MP109) and the emitter checks (would the function compile as `@micropython.native` / `viper`).

use mpy_vm::analysis::{self, Code, Settings};
use mpy_vm::CompileOptions;
use serde::Serialize;

use super::report::FunctionStat;

/// One suggestion.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Hint {
    /// A rule code (`MP103`), or `viper` / `native` for an emitter suggestion.
    pub code: String,
    pub line: u32,
    pub message: String,
}

/// The suggestions for one hot function.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct FunctionHints {
    pub name: String,
    pub self_share: f64,
    pub hints: Vec<Hint>,
}

/// How many functions get suggestions at most, and the least self share (percent) they need.
pub const MAX_HOT: usize = 5;
pub const MIN_SHARE: f64 = 5.0;

fn line_of(source: &str, offset: u32) -> u32 {
    let end = (offset as usize).min(source.len());
    source.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() as u32 + 1
}

/// Suggestions for the functions of `stats` (sorted hottest first) with at least [`MIN_SHARE`] percent of
/// the time. `sources` maps project-relative paths to their text; `opts` is the target's compile options.
pub fn for_hot(stats: &[FunctionStat], sources: &[(String, String)], opts: &CompileOptions) -> Vec<FunctionHints> {
    let mut out = Vec::new();
    for f in stats.iter().filter(|f| f.self_share >= MIN_SHARE && f.kind != "module").take(MAX_HOT) {
        let Some((_, source)) = sources.iter().find(|(p, _)| *p == f.file) else { continue };
        let mut hints = Vec::new();
        let reports = mpy_vm::check_emitters(source.as_bytes(), &CompileOptions { source_name: f.file.clone(), ..opts.clone() });
        let report = reports.iter().find(|r| r.name == f.qualified_name && r.line == f.line);
        if let Some(r) = report {
            let text = source.get(r.range.start as usize..r.range.end as usize).unwrap_or("");
            let header = text.split("def ").next().unwrap_or("");
            let decorated = header.contains("micropython.viper") || header.contains("micropython.native");
            if !decorated {
                match (&r.viper, &r.native) {
                    (Ok(size), _) => hints.push(Hint {
                        code: "viper".into(),
                        line: r.line,
                        message: format!(
                            "hot and compiles as @micropython.viper ({size} bytes of machine code): try viper (integer arithmetic becomes machine arithmetic; the editor's code action adds it with type hints)"
                        ),
                    }),
                    (Err(_), Ok(size)) => hints.push(Hint {
                        code: "native".into(),
                        line: r.line,
                        message: format!("hot and compiles as @micropython.native ({size} bytes): try native (the editor's code action adds it)"),
                    }),
                    (Err(e), Err(_)) => hints.push(Hint {
                        code: "bytecode".into(),
                        line: e.line.unwrap_or(r.line),
                        message: format!("stays bytecode: neither native nor viper accepts it ({})", e.message),
                    }),
                }
            }
            let settings = Settings { compile: opts.clone(), compile_diagnostics: false, ..Settings::default() };
            let a = analysis::analyze(source, &settings);
            for d in a.diagnostics.iter().filter(|d| d.range.start >= r.range.start && d.range.end <= r.range.end) {
                if let Code::Rule(rule) = d.code {
                    hints.push(Hint {
                        code: rule.code().to_string(),
                        line: line_of(source, d.range.start),
                        message: format!("{} ({})", d.message, rule.name()),
                    });
                }
            }
        }
        out.push(FunctionHints { name: f.name.clone(), self_share: f.self_share, hints });
    }
    out
}
