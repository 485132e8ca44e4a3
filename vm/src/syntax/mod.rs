//! The front end: source text to our [`ast`], with MicroPython's parse-time rewrites and its syntax errors.
//!
//! Pipeline (each step a plain function over plain data):
//! 1. [`lexer`]: MicroPython's tokenizer, for token lines, literal values, f-string injection and
//!    lexer-level errors.
//! 2. [`intern`]: the qstr-or-object decision for every string literal, in token order.
//! 3. [`rewrite`]: the text rustpython will parse, rebuilt from the tokens (placeholders for literals,
//!    f-strings turned into `.format(...)` calls).
//! 4. `lower`: rustpython parses the rebuilt text and the tree is converted to ours, with MicroPython's
//!    lines and original byte ranges.
//! 5. Errors are reported as mpy-cross reports them (type, message, line).

pub mod ast;
pub mod dump;
pub mod float_parse;
pub mod fold;
pub mod intern;
pub mod lexer;
pub mod literal;
mod lower;
pub mod rewrite;
pub mod source;
#[cfg(test)]
mod tests;

use crate::error::{CompileError, ErrorKind};
use lexer::{Lexer, TokKind, Token};
use lower::{LowerError, LowerErrorKind};

/// Parse-time settings that change the tree.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// `-O` level: the lexer turns `__debug__` into `True` at 0 and `False` above, before any folding.
    pub opt_level: u8,
    /// qstrs that exist before parsing besides the built-in pool: the source path as given to mpy-cross and
    /// the `-s` name. A long string literal equal to one of them is interned.
    pub known_qstrs: Vec<String>,
}

/// Parses source bytes into a module with default options (`-O0`).
pub fn parse(source: &[u8]) -> (ast::Module, Vec<CompileError>) {
    parse_with(source, &ParseOptions::default())
}

/// Parses source bytes into a module. Never fails: errors come back beside a (possibly partial) tree.
pub fn parse_with(source: &[u8], opts: &ParseOptions) -> (ast::Module, Vec<CompileError>) {
    let tokens = Lexer::tokenize(source, opts.opt_level);
    if let Some(e) = lexer_error(&tokens) {
        return (ast::Module::default(), vec![e]);
    }
    let str_kinds = intern::decide(&tokens, &opts.known_qstrs);
    let rw = rewrite::rewrite(source, &tokens);
    let input = lower::Input { rw: &rw, tokens: &tokens, str_kinds: &str_kinds };
    match lower::lower_module(&input) {
        Ok(mut lowered) => {
            let err = fold::fold_module(&mut lowered.module, &lowered.tuple_lines);
            (lowered.module, err.into_iter().collect())
        }
        Err(e) => (ast::Module::default(), vec![lower_error(&e, &rw, &tokens)]),
    }
}

/// The first token MicroPython's parser cannot accept whatever the grammar says.
fn lexer_error(tokens: &[Token]) -> Option<CompileError> {
    let t = tokens.iter().find(|t| {
        matches!(t.kind, TokKind::Invalid | TokKind::DedentMismatch | TokKind::LonelyStringOpen | TokKind::MalformedFString)
    })?;
    let (kind, msg) = match t.kind {
        TokKind::DedentMismatch => (ErrorKind::IndentationError, "unindent doesn't match any outer indent level"),
        TokKind::MalformedFString => (ErrorKind::SyntaxError, "malformed f-string"),
        _ => (ErrorKind::SyntaxError, "invalid syntax"),
    };
    Some(CompileError::new(kind, msg).at_line(t.line).with_range(ast::TextRange::new(t.start, t.end)))
}

/// Converts a lowering failure into the error mpy-cross prints.
fn lower_error(e: &LowerError, rw: &rewrite::Rewritten, tokens: &[Token]) -> CompileError {
    // The line MicroPython gives the token at the failing offset.
    let line = tokens.iter().rev().find(|t| !t.injected && t.start <= e.offset).map_or(1, |t| t.line);
    let _ = rw;
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
