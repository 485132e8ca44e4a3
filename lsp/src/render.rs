//! Terminal and JSON renderings of a file's diagnostics, for `mpbuild check` (which prints them and exits
//! non-zero when [`has_errors`]). Text is rustc-style with source snippets; JSON is one object per
//! diagnostic with 1-based line/column (characters) and byte offsets.

use mpy_vm::analysis::{render, Diagnostic, Severity};
use mpy_vm::syntax::source::LineIndex;
use serde::Serialize;

/// rustc-style text for one file's diagnostics.
pub fn text(path: &str, source: &str, diagnostics: &[Diagnostic]) -> String {
    render::rustc_style(path, source, diagnostics)
}

#[derive(Debug, Serialize)]
pub struct JsonFix {
    pub title: String,
    pub applicability: &'static str,
    pub edits: Vec<JsonEdit>,
}

#[derive(Debug, Serialize)]
pub struct JsonEdit {
    pub start: u32,
    pub end: u32,
    pub content: String,
}

#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    pub path: String,
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub start: u32,
    pub end: u32,
    pub fixes: Vec<JsonFix>,
}

/// The diagnostics of one file as JSON values (an array once serialised).
pub fn json(path: &str, source: &str, diagnostics: &[Diagnostic]) -> Vec<JsonDiagnostic> {
    let lines = LineIndex::new(source.as_bytes());
    diagnostics
        .iter()
        .map(|d| {
            let (line, column) = render::line_col(source, &lines, d.range.start);
            let (end_line, end_column) = render::line_col(source, &lines, d.range.end);
            JsonDiagnostic {
                path: path.to_string(),
                code: d.code.as_str(),
                severity: d.severity.as_str(),
                message: d.message.clone(),
                line,
                column,
                end_line,
                end_column,
                start: d.range.start,
                end: d.range.end,
                fixes: d
                    .fixes
                    .iter()
                    .map(|f| JsonFix {
                        title: f.title.clone(),
                        applicability: f.applicability().as_str(),
                        edits: f
                            .edits()
                            .iter()
                            .map(|e| JsonEdit { start: e.range.start, end: e.range.end, content: e.content.clone() })
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// True when any diagnostic is an error (what makes `mpbuild check` exit non-zero).
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}
