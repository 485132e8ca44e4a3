//! `mpbuild check [PATH] [--format json]`: the diagnostics the editor's mpls shows, for CI — what mpy-cross
//! would report for each file under the project's target, then the performance rules of `[lint]` — rendered
//! rustc-style with source snippets (miette), or as one JSON object. Exits non-zero when any diagnostic is
//! an error.
//!
//! The diagnostics come from `mpy_vm` (its compiler and `mpy_vm::analysis`), with the compile options
//! `mpbuild build` uses for each file and the rule selection of `[lint]` (the `mpconfig` schema mpls reads
//! too), so the terminal, CI and the editor agree.

use std::path::{Path, PathBuf};

use anyhow::Context;
use miette::{LabeledSpan, MietteDiagnostic, NamedSource, Report};
use mpy_vm::analysis::{self, render, Diagnostic, Settings, Severity};
use mpy_vm::syntax::source::LineIndex;
use serde::Serialize;

use super::{Global, Out};
use crate::config;
use crate::project::{Action, Project, Unit};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style reports with source snippets.
    Text,
    /// One JSON object on stdout (like `--json`).
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// A project directory or configuration file, or one `.py` file of a project (default: the project
    /// found from here upwards).
    pub path: Option<PathBuf>,
    /// Output format (`--json` is the same as `--format json`).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// One fix as the JSON output lists it.
#[derive(Debug, Serialize)]
struct JsonFix {
    title: String,
    applicability: &'static str,
}

/// One diagnostic as the JSON output lists it: 1-based line and column (characters), byte offsets.
#[derive(Debug, Serialize)]
struct JsonDiagnostic {
    path: String,
    code: &'static str,
    /// The rule's name (`global-lookup-in-loop`); absent for the compiler's errors.
    rule: Option<String>,
    severity: &'static str,
    message: String,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    start: u32,
    end: u32,
    fixes: Vec<JsonFix>,
}

/// One checked file.
#[derive(Debug)]
struct Checked {
    rel: String,
    source: String,
    diagnostics: Vec<Diagnostic>,
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let json = out.json || self.format == Format::Json;
        let (project, only) = load(self.path.as_deref())?;
        let mut lint = Settings::default();
        if let Some(p) = project.config.lint.problems().into_iter().next() {
            anyhow::bail!("{}: {p}", project.root.display());
        }
        project.config.lint.apply(&mut lint);
        let units: Vec<Unit> = project
            .units()?
            .into_iter()
            .filter(|u| u.rel.ends_with(".py") && (u.action == Action::Compile || u.action == Action::Copy))
            .filter(|u| only.as_ref().is_none_or(|o| *o == u.rel))
            .collect();
        if let Some(o) = &only {
            anyhow::ensure!(!units.is_empty(), "{o} is not a source file of the project at {}", project.root.display());
        }
        let mut checked = Vec::with_capacity(units.len());
        for u in &units {
            let bytes = std::fs::read(&u.abs).with_context(|| format!("reading {}", u.abs.display()))?;
            let settings = Settings { compile: project.compile_options(u, ""), ..lint.clone() };
            checked.push(check_file(&u.rel, &bytes, &settings));
        }
        let count = |s: Severity| checked.iter().flat_map(|c| &c.diagnostics).filter(|d| d.severity == s).count();
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        let others = checked.iter().map(|c| c.diagnostics.len()).sum::<usize>() - errors - warnings;
        let summary = format!(
            "{} file{} checked for {}: {errors} error{}, {warnings} warning{}, {others} note{}",
            checked.len(),
            plural(checked.len()),
            project.target.describe(),
            plural(errors),
            plural(warnings),
            plural(others)
        );
        if json {
            print_json(&project, &checked, errors, warnings, &summary);
        } else {
            for c in &checked {
                for d in &c.diagnostics {
                    eprintln!("{}", report(&c.rel, &c.source, d, out.color));
                }
            }
            if !out.quiet || errors > 0 {
                eprintln!("{summary}");
            }
        }
        if errors > 0 {
            anyhow::bail!(CheckFailed);
        }
        Ok(())
    }
}

/// The error `check` ends with when it found errors (already reported: the entry point prints nothing
/// more, and exits with status 1).
#[derive(Debug)]
pub struct CheckFailed;

impl std::fmt::Display for CheckFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the check found errors")
    }
}

impl std::error::Error for CheckFailed {}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The project to check, and the one file of it to check (its path relative to the root), if a file was
/// named.
/// Without a path, the project is found from the current directory upwards, and a directory without any
/// configuration is a project with the defaults (as for a named file).
fn load(path: Option<&Path>) -> anyhow::Result<(Project, Option<String>)> {
    let file = path.filter(|p| p.extension().is_some_and(|e| e == "py") && p.is_file());
    if path.is_some() && file.is_none() {
        return Ok((Project::load(path)?, None));
    }
    let start = match file {
        Some(p) => crate::fsutil::absolute(p).parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        None => std::env::current_dir().context("reading the current directory")?,
    };
    let (root, cfg, src) = match config::discover(&start) {
        Ok(found) => found,
        Err(crate::Error::ConfigNotFound { .. }) => config::load(&start)?,
        Err(e) => return Err(e.into()),
    };
    let project = Project::from_config(&root, cfg, src)?;
    let Some(p) = file else { return Ok((project, None)) };
    let abs = crate::fsutil::absolute(p);
    let rel = crate::fsutil::rel_slash(&abs, &project.root)
        .with_context(|| format!("{} is outside its project {}", abs.display(), project.root.display()))?;
    Ok((project, Some(rel)))
}

/// Analyses one file: the compiler's error and the enabled rules. A file that is not UTF-8 gets the
/// compiler's verdict only (the rules read text).
fn check_file(rel: &str, bytes: &[u8], settings: &Settings) -> Checked {
    match std::str::from_utf8(bytes) {
        Ok(text) => Checked { rel: rel.to_string(), source: text.to_string(), diagnostics: analysis::analyze(text, settings).diagnostics },
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let diagnostics = match mpy_vm::compile(bytes, &settings.compile).error {
                Some(e) if settings.compile_diagnostics => vec![analysis::compile_diagnostic(&text, &e)],
                _ => Vec::new(),
            };
            Checked { rel: rel.to_string(), source: text, diagnostics }
        }
    }
}

/// One diagnostic rendered rustc-style by miette: severity, code, message, the source line with the range
/// underlined, and the first fix as help.
fn report(path: &str, source: &str, d: &Diagnostic, color: bool) -> String {
    let severity = match d.severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info | Severity::Hint => miette::Severity::Advice,
    };
    let len = (d.range.end.saturating_sub(d.range.start)) as usize;
    let label = match d.rule() {
        Some(r) => r.name(),
        None => "here".to_string(),
    };
    let mut diag = MietteDiagnostic::new(d.message.clone())
        .with_code(d.code.as_str())
        .with_severity(severity)
        .with_label(LabeledSpan::at(d.range.start as usize..d.range.start as usize + len, label));
    if let Some(f) = d.fixes.first() {
        diag = diag.with_help(format!("{} ({} fix)", f.title, f.applicability().as_str()));
    }
    let report = Report::new(diag).with_source_code(NamedSource::new(path, source.to_string()));
    let theme = if color { miette::GraphicalTheme::unicode() } else { miette::GraphicalTheme::unicode_nocolor() };
    let handler = miette::GraphicalReportHandler::new_themed(theme);
    let mut s = String::new();
    if handler.render_report(&mut s, report.as_ref()).is_err() {
        // The plain rendering of the analyses, should miette refuse the span.
        s = render::rustc_style(path, source, std::slice::from_ref(d));
    }
    s
}

fn json_diagnostic(path: &str, source: &str, lines: &LineIndex, d: &Diagnostic) -> JsonDiagnostic {
    let (line, column) = render::line_col(source, lines, d.range.start);
    let (end_line, end_column) = render::line_col(source, lines, d.range.end);
    JsonDiagnostic {
        path: path.to_string(),
        code: d.code.as_str(),
        rule: d.rule().map(|r| r.name()),
        severity: d.severity.as_str(),
        message: d.message.clone(),
        line,
        column,
        end_line,
        end_column,
        start: d.range.start,
        end: d.range.end,
        fixes: d.fixes.iter().map(|f| JsonFix { title: f.title.clone(), applicability: f.applicability().as_str() }).collect(),
    }
}

/// `{"ok", "check": {...}}`, and when there are errors an `error` object whose `files` list them in the
/// shape `mpbuild build --json` uses for compile errors (so editors show both the same way).
fn print_json(project: &Project, checked: &[Checked], errors: usize, warnings: usize, summary: &str) {
    let mut all = Vec::new();
    for c in checked {
        let lines = LineIndex::new(c.source.as_bytes());
        all.extend(c.diagnostics.iter().map(|d| json_diagnostic(&c.rel, &c.source, &lines, d)));
    }
    let error_files: Vec<serde_json::Value> = all
        .iter()
        .filter(|d| d.severity == "error")
        .map(|d| serde_json::json!({ "path": d.path, "line": d.line, "kind": d.code, "message": d.message }))
        .collect();
    let check = serde_json::json!({
        "root": project.root,
        "target": project.target.describe(),
        "files": checked.iter().map(|c| c.rel.as_str()).collect::<Vec<_>>(),
        "errors": errors,
        "warnings": warnings,
        "diagnostics": all,
        "summary": summary,
    });
    let mut v = serde_json::json!({ "ok": errors == 0, "check": check });
    if errors > 0 {
        v["error"] = serde_json::json!({
            "code": "mpbuild::check::errors",
            "message": summary,
            "help": "fix the errors shown, or change their severity in [lint.severity] of mpbuild.toml",
            "files": error_files,
        });
    }
    println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
}
