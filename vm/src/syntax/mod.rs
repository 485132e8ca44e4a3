//! The front end: source text to our [`ast`], with MicroPython's parse-time rewrites and its syntax errors.
//!
//! Pipeline (each step a plain function over plain data):
//! 1. [`lower`]: rustpython-parser parses the text and the tree is converted to ours, with lines and ranges
//!    in the original source and literal values decoded by [`literal`] the way MicroPython's lexer does.
//! 2. Errors are reported as mpy-cross reports them (type, message, line).

pub mod ast;
pub mod dump;
pub mod float_parse;
pub mod literal;
mod lower;
pub mod source;
#[cfg(test)]
mod tests;

use crate::error::{CompileError, ErrorKind};
use lower::{LowerError, LowerErrorKind};
use source::{LineIndex, OffsetMap};

/// Parses source bytes into a module. Never fails: errors come back beside a (possibly partial) tree.
pub fn parse(source: &[u8]) -> (ast::Module, Vec<CompileError>) {
    let lines = LineIndex::new(source);
    let text = match std::str::from_utf8(source) {
        Ok(t) => t,
        Err(e) => {
            let line = lines.line_of(e.valid_up_to() as u32);
            let err = CompileError::new(ErrorKind::SyntaxError, "invalid syntax").at_line(line);
            return (ast::Module::default(), vec![err]);
        }
    };
    let map = OffsetMap::identity();
    match lower::lower_module(text, &map, &lines) {
        Ok(module) => (module, Vec::new()),
        Err(e) => (ast::Module::default(), vec![lower_error(&e, &lines)]),
    }
}

/// Converts a lowering failure into the error mpy-cross prints.
fn lower_error(e: &LowerError, lines: &LineIndex) -> CompileError {
    let line = lines.line_of(e.offset);
    let range = ast::TextRange::new(e.offset, e.offset);
    let (kind, message) = match &e.kind {
        LowerErrorKind::Parse { indentation: true, .. } => (ErrorKind::IndentationError, "unexpected indent"),
        LowerErrorKind::Parse { .. } | LowerErrorKind::Unsupported(_) => (ErrorKind::SyntaxError, "invalid syntax"),
        LowerErrorKind::Literal(l) => match l.kind {
            literal::LiteralErrorKind::NameEscape => {
                return CompileError::new(ErrorKind::NotImplementedError, "unicode name escapes").with_range(range);
            }
            literal::LiteralErrorKind::BadNumber => (ErrorKind::SyntaxError, "invalid syntax for number"),
            _ => (ErrorKind::SyntaxError, "invalid syntax"),
        },
    };
    CompileError::new(kind, message).at_line(line).with_range(range)
}
