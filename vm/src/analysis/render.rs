//! Text renderings of diagnostics: rustc-style reports with source snippets (for `mpbuild check`) and
//! inline annotations under the code (for snapshot tests). Pure string building; printing is the caller's.

use crate::syntax::source::LineIndex;

use super::diagnostic::{Diagnostic, Severity};

/// 1-based line and 1-based column (in characters) of byte `offset`.
pub fn line_col(source: &str, lines: &LineIndex, offset: u32) -> (u32, u32) {
    let offset = offset.min(source.len() as u32);
    let line = lines.line_of(offset);
    let start = lines.line_start(line).unwrap_or(0);
    let col = source.get(start as usize..offset as usize).map_or(0, |s| s.chars().count()) as u32;
    (line, col + 1)
}

/// The text of 1-based `line` without its line break.
fn line_text<'s>(source: &'s str, lines: &LineIndex, line: u32) -> &'s str {
    let start = lines.line_start(line).unwrap_or(0) as usize;
    let end = lines.line_start(line + 1).map_or(source.len(), |e| e as usize);
    source.get(start..end).unwrap_or("").trim_end_matches(['\n', '\r'])
}

fn caret_line(source: &str, lines: &LineIndex, d: &Diagnostic) -> (u32, usize, usize) {
    let (line, col) = line_col(source, lines, d.range.start);
    let text = line_text(source, lines, line);
    let (end_line, end_col) = line_col(source, lines, d.range.end);
    let width = if end_line == line { (end_col.saturating_sub(col)) as usize } else { text.chars().count() + 1 - col as usize };
    (line, col as usize - 1, width.max(1))
}

fn fix_note(d: &Diagnostic) -> String {
    match d.fixes.first() {
        Some(f) => format!("{} ({} fix)", f.title, f.applicability().as_str()),
        None => String::new(),
    }
}

/// rustc-style report of `diagnostics` in file `path`:
///
/// ```text
/// warning[MP103]: builtin `abs` is looked up on every iteration: alias it to a local before the loop
///  --> main.py:4:14
///   |
/// 4 |         t += abs(x)
///   |              ^^^
///   = help: Alias `abs` to local `_abs` before the loop (safe fix)
/// ```
pub fn rustc_style(path: &str, source: &str, diagnostics: &[Diagnostic]) -> String {
    let lines = LineIndex::new(source.as_bytes());
    let mut out = String::new();
    for d in diagnostics {
        let (line, col0, width) = caret_line(source, &lines, d);
        let text = line_text(source, &lines, line);
        let num = line.to_string();
        let pad = " ".repeat(num.len());
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        };
        out.push_str(&format!("{level}[{}]: {}\n", d.code.as_str(), d.message));
        out.push_str(&format!("{pad}--> {path}:{line}:{}\n", col0 + 1));
        out.push_str(&format!("{pad} |\n"));
        out.push_str(&format!("{num} | {text}\n"));
        let lead: String = text.chars().take(col0).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
        out.push_str(&format!("{pad} | {lead}{}\n", "^".repeat(width)));
        let note = fix_note(d);
        if !note.is_empty() {
            out.push_str(&format!("{pad} = help: {note}\n"));
        }
        out.push('\n');
    }
    out
}

/// The source with each diagnostic written under the line it starts on, as a comment:
/// `#     ^^^ MP103: message [safe: title]`.
pub fn annotate_inline(source: &str, diagnostics: &[Diagnostic]) -> String {
    let lines = LineIndex::new(source.as_bytes());
    let mut out = String::new();
    for line in 1..=lines.line_count() {
        let text = line_text(source, &lines, line);
        if line == lines.line_count() && text.is_empty() {
            break;
        }
        out.push_str(text);
        out.push('\n');
        for d in diagnostics.iter().filter(|d| caret_line(source, &lines, d).0 == line) {
            let (_, col0, width) = caret_line(source, &lines, d);
            let mut ann = String::from("#");
            let carets_at = col0.max(1);
            ann.push_str(&" ".repeat(carets_at - 1));
            ann.push_str(&"^".repeat(width));
            ann.push_str(&format!(" {} {}: {}", d.code.as_str(), d.severity.as_str(), d.message));
            for f in &d.fixes {
                ann.push_str(&format!(" [{}: {}]", f.applicability().as_str(), f.title));
            }
            out.push_str(&ann);
            out.push('\n');
        }
    }
    out
}
