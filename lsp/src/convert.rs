//! The only place that knows LSP positions: byte offsets (what `mpy_vm` speaks) to and from UTF-16
//! line/character positions, and `mpy_vm` diagnostics and fixes to LSP types.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the LSP specification says. A position past the end of a
//! line clamps to the line's end, a line past the end of the text clamps to the end of the text, and a
//! character offset inside a surrogate pair clamps to the start of that character: no position, however
//! wrong, makes a conversion fail.

use mpy_vm::analysis::{Applicability, Diagnostic, Edit, Severity};
use mpy_vm::syntax::ast::TextRange;
use tower_lsp::lsp_types as lsp;

/// Byte offsets of line starts of one text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<u32>,
    /// True when the text is pure ASCII (then UTF-16 columns are byte columns).
    ascii: bool,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let b = text.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts, ascii: text.is_ascii() }
    }

    pub fn line_count(&self) -> u32 {
        self.starts.len() as u32
    }

    /// The bytes of 0-based `line` without its line break.
    fn line_bounds(&self, text: &str, line: u32) -> (usize, usize) {
        let start = self.starts[line as usize] as usize;
        let mut end = self.starts.get(line as usize + 1).map_or(text.len(), |e| *e as usize);
        let b = text.as_bytes();
        while end > start && (b[end - 1] == b'\n' || b[end - 1] == b'\r') {
            end -= 1;
        }
        (start, end)
    }

    /// The LSP position of byte `offset` (clamped to the text, and back to a character boundary).
    pub fn position(&self, text: &str, offset: u32) -> lsp::Position {
        let mut offset = (offset as usize).min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let (start, end) = self.line_bounds(text, line as u32);
        let upto = offset.min(end).max(start);
        let character = if self.ascii { upto - start } else { text[start..upto].encode_utf16().count() };
        lsp::Position { line: line as u32, character: character as u32 }
    }

    /// The byte offset of an LSP position, clamped as the module documentation says.
    pub fn offset(&self, text: &str, pos: lsp::Position) -> u32 {
        if pos.line as usize >= self.starts.len() {
            return text.len() as u32;
        }
        let (start, end) = self.line_bounds(text, pos.line);
        if self.ascii {
            return (start + (pos.character as usize).min(end - start)) as u32;
        }
        let mut units = 0u32;
        for (i, c) in text[start..end].char_indices() {
            let w = c.len_utf16() as u32;
            if units + w > pos.character {
                return (start + i) as u32;
            }
            units += w;
        }
        end as u32
    }

    pub fn range(&self, text: &str, r: TextRange) -> lsp::Range {
        lsp::Range { start: self.position(text, r.start), end: self.position(text, r.end) }
    }

    /// Byte range of an LSP range (start and end ordered).
    pub fn text_range(&self, text: &str, r: lsp::Range) -> TextRange {
        let (a, b) = (self.offset(text, r.start), self.offset(text, r.end));
        TextRange::new(a.min(b), a.max(b))
    }
}

/// The source name shown by clients for every diagnostic of ours.
pub const SOURCE: &str = "mpls";

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

pub fn edit(index: &LineIndex, text: &str, e: &Edit) -> lsp::TextEdit {
    lsp::TextEdit { range: index.range(text, e.range), new_text: e.content.clone() }
}

/// An `mpy_vm` diagnostic as an LSP diagnostic. Its fixes stay on the server (in the document's analysis):
/// `codeAction` finds them by code and range, so the diagnostics published on every edit stay small.
pub fn diagnostic(index: &LineIndex, text: &str, d: &Diagnostic) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: index.range(text, d.range),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message: d.message.clone(),
        related_information: None,
        tags: None,
        data: None,
    }
}

/// True when `d` (as a client sends it back) is one of ours: our source, or no source and one of our codes.
pub fn is_ours(d: &lsp::Diagnostic) -> bool {
    match d.source.as_deref() {
        Some(s) => s == SOURCE,
        None => matches!(&d.code, Some(lsp::NumberOrString::String(c)) if mpy_vm::analysis::Rule::from_code(c).is_some()),
    }
}

pub fn applicability(s: &str) -> Applicability {
    Applicability::parse(s).unwrap_or(Applicability::DisplayOnly)
}

/// A workspace edit changing one document.
pub fn workspace_edit(uri: &lsp::Url, edits: Vec<lsp::TextEdit>) -> lsp::WorkspaceEdit {
    let mut changes = std::collections::HashMap::new();
    changes.insert(uri.clone(), edits);
    lsp::WorkspaceEdit { changes: Some(changes), document_changes: None, change_annotations: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> lsp::Position {
        lsp::Position { line, character }
    }

    #[test]
    fn round_trips_utf16_and_clamps() {
        let text = "a\u{e9}\u{1F600}b\r\nx\ry\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        // 'b' is after a (1), é (1), 😀 (2 units) = column 4.
        let b = text.find('b').unwrap() as u32;
        assert_eq!(idx.position(text, b), pos(0, 4));
        assert_eq!(idx.offset(text, pos(0, 4)), b);
        // Inside the surrogate pair: back to the emoji's start.
        assert_eq!(idx.offset(text, pos(0, 3)), text.find('\u{1F600}').unwrap() as u32);
        // Past the end of the line: the line's end; past the last line: the text's end.
        assert_eq!(idx.offset(text, pos(0, 99)), b + 1);
        assert_eq!(idx.offset(text, pos(99, 0)), text.len() as u32);
        assert_eq!(idx.position(text, text.find('y').unwrap() as u32), pos(2, 0));
        // An offset inside a multi-byte character maps to the character's start.
        assert_eq!(idx.position(text, 2), pos(0, 1));
        assert_eq!(idx.position(text, 10_000), pos(3, 0));
    }
}
