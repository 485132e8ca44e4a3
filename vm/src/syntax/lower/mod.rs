//! Lowering: rustpython-parser's tree to our [`ast`](crate::syntax::ast). The only place in the workspace that
//! knows `rustpython_parser`.
//!
//! rustpython parses the (f-string-rewritten) text; every range it reports is mapped back to the original
//! source with an [`OffsetMap`], and each node's `line` is the line of its first token there. Literal
//! values are not taken from rustpython: they are decoded again from the source text with MicroPython's
//! rules by [`literal`](crate::syntax::literal).

mod expr;
mod stmt;

use rustpython_parser::{ast as py, text_size::TextRange as PyRange, Mode, ParseErrorType};

use crate::syntax::ast::{Module, TextRange};
use crate::syntax::source::{LineIndex, OffsetMap};

/// Why lowering stopped: a byte offset in the *parsed* (rewritten) text plus what went wrong there.
#[derive(Clone, Debug, PartialEq)]
pub struct LowerError {
    /// Offset in the original source.
    pub offset: u32,
    pub kind: LowerErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LowerErrorKind {
    /// rustpython rejected the text; `detail` is its message, for diagnostics only.
    Parse { detail: String, eof: bool, indentation: bool },
    /// rustpython accepted a construct that MicroPython's grammar does not have (`match`, `except*`, …).
    Unsupported(&'static str),
    /// A literal MicroPython's lexer or number parser rejects.
    Literal(crate::syntax::literal::LiteralError),
}

/// Parses `text` with rustpython and converts the module; `map` takes offsets in `text` back to the
/// original source, whose lines are `lines`.
pub fn lower_module(text: &str, map: &OffsetMap, lines: &LineIndex) -> Result<Module, LowerError> {
    let parsed = rustpython_parser::parse(text, Mode::Module, "<src>").map_err(|e| {
        let offset = map.to_original(e.offset.to_u32());
        let indentation = matches!(
            &e.error,
            ParseErrorType::Lexical(rustpython_parser::lexer::LexicalErrorType::IndentationError)
        );
        let eof = matches!(e.error, ParseErrorType::Eof);
        LowerError { offset, kind: LowerErrorKind::Parse { detail: e.error.to_string(), eof, indentation } }
    })?;
    let body = match parsed {
        py::Mod::Module(m) => m.body,
        _ => Vec::new(),
    };
    let mut cx = Lowerer { text, map, lines };
    let body = cx.stmts(body)?;
    Ok(Module { body })
}

/// Shared state of one lowering run.
pub(crate) struct Lowerer<'a> {
    /// The text rustpython parsed.
    text: &'a str,
    map: &'a OffsetMap,
    lines: &'a LineIndex,
}

impl Lowerer<'_> {
    /// Our range (original offsets) for a rustpython range.
    fn range(&self, r: PyRange) -> TextRange {
        TextRange::new(self.map.to_original(r.start().to_u32()), self.map.to_original(r.end().to_u32()))
    }

    /// Line of the original byte at `offset`.
    fn line_at(&self, offset: u32) -> u32 {
        self.lines.line_of(offset)
    }

    /// Line of the first token of a node with rustpython range `r`.
    fn line(&self, r: PyRange) -> u32 {
        self.line_at(self.map.to_original(r.start().to_u32()))
    }

    fn unsupported(&self, r: PyRange, what: &'static str) -> LowerError {
        LowerError { offset: self.map.to_original(r.start().to_u32()), kind: LowerErrorKind::Unsupported(what) }
    }

    /// The parsed text between two offsets of the parsed text.
    fn parsed_slice(&self, start: u32, end: u32) -> &str {
        self.text.get(start as usize..end as usize).unwrap_or("")
    }
}
