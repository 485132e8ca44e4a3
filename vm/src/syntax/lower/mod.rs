//! Lowering: rustpython-parser's tree to our [`ast`](crate::syntax::ast). The only place in the workspace that
//! knows `rustpython_parser`.
//!
//! rustpython parses the (f-string-rewritten) text; every range it reports is mapped back to the original
//! source with an [`OffsetMap`], and each node's `line` is the line of its first token there. Literal
//! values are not taken from rustpython: they are decoded again from the source text with MicroPython's
//! rules by [`literal`](crate::syntax::literal).

mod expr;
mod stmt;

use rustpython_parser::ast::Ranged;
use rustpython_parser::{ast as py, text_size::TextRange as PyRange, Mode, ParseErrorType};

use crate::syntax::ast::{Module, StrKind, TextRange};
use crate::syntax::lexer::Token;
use crate::syntax::rewrite::Rewritten;

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
    Parse { detail: String, eof: bool, indentation: bool, semantic: Option<Semantic>, text_offset: u32 },
    /// rustpython accepted a construct that MicroPython's grammar does not have (`match`, `except*`, …).
    Unsupported(&'static str),
    /// A literal MicroPython's lexer or number parser rejects.
    Literal(crate::syntax::literal::LiteralError),
    /// The native stack ran out (see `syntax::stack`).
    OutOfStack,
}

/// What the lowering reads besides rustpython's tree: the rebuilt text with its maps, MicroPython's tokens,
/// and the interning decision for each string token.
pub struct Input<'a> {
    pub rw: &'a Rewritten,
    pub tokens: &'a [Token],
    pub str_kinds: &'a [StrKind],
}

/// The converted module, plus the line of the rule that would build each tuple display into a constant.
pub struct Lowered {
    pub module: Module,
    pub side: crate::syntax::fold::SideTables,
}

/// The checks rustpython makes while parsing that MicroPython leaves to its compiler (or does not make).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Semantic {
    DefaultArgument,
    DuplicateArgument,
    PositionalArgument,
    UnpackedArgument,
    DuplicateKeywordArgument,
    BareStar,
    /// A display where rustpython expected `:` (a set item inside a dict display).
    ExpectedColon,
    /// Any other unexpected token.
    UnexpectedToken,
}

/// Parses the rebuilt text with rustpython and converts the module.
pub fn lower_module(input: &Input<'_>) -> Result<Lowered, LowerError> {
    let map = &input.rw.map;
    let parsed = rustpython_parser::parse(&input.rw.text, Mode::Module, "<src>").map_err(|e| {
        let offset = map.to_original(e.offset.to_u32());
        let indentation = matches!(
            &e.error,
            ParseErrorType::Lexical(rustpython_parser::lexer::LexicalErrorType::IndentationError)
        );
        let eof = matches!(e.error, ParseErrorType::Eof);
        use rustpython_parser::lexer::LexicalErrorType as L;
        let semantic = match &e.error {
            ParseErrorType::Lexical(L::DefaultArgumentError) => Some(Semantic::DefaultArgument),
            ParseErrorType::Lexical(L::DuplicateArgumentError(_)) => Some(Semantic::DuplicateArgument),
            ParseErrorType::Lexical(L::PositionalArgumentError) => Some(Semantic::PositionalArgument),
            ParseErrorType::Lexical(L::UnpackedArgumentError) => Some(Semantic::UnpackedArgument),
            ParseErrorType::Lexical(L::DuplicateKeywordArgumentError(_)) => Some(Semantic::DuplicateKeywordArgument),
            ParseErrorType::Lexical(L::OtherError(m)) if m.contains("bare *") => Some(Semantic::BareStar),
            ParseErrorType::UnrecognizedToken(_, Some(exp)) if exp == "\":\"" => Some(Semantic::ExpectedColon),
            ParseErrorType::UnrecognizedToken(..) => Some(Semantic::UnexpectedToken),
            _ => None,
        };
        let text_offset = e.offset.to_u32();
        LowerError { offset, kind: LowerErrorKind::Parse { detail: e.error.to_string(), eof, indentation, semantic, text_offset } }
    })?;
    let body = match parsed {
        py::Mod::Module(m) => m.body,
        _ => Vec::new(),
    };
    let mut cx = Lowerer { input, side: Default::default() };
    let body = cx.stmts(body)?;
    Ok(Lowered { module: Module { body }, side: cx.side })
}

/// Shared state of one lowering run.
pub(crate) struct Lowerer<'a> {
    input: &'a Input<'a>,
    side: crate::syntax::fold::SideTables,
}

impl Lowerer<'_> {
    /// Our range (original offsets) for a rustpython range.
    fn range(&self, r: PyRange) -> TextRange {
        let map = &self.input.rw.map;
        TextRange::new(map.to_original(r.start().to_u32()), map.to_original(r.end().to_u32()))
    }

    /// MicroPython's line of the first token of a node with rustpython range `r`.
    fn line(&self, r: PyRange) -> u32 {
        self.input.rw.line_at(r.start().to_u32())
    }

    /// The stack guard tripped at `node`. What is left of rustpython's tree below it is leaked rather than
    /// dropped: its derived, recursive drop could need more stack than is left.
    fn out_of_stack<T: Ranged>(&self, node: T) -> LowerError {
        let offset = self.input.rw.map.to_original(node.range().start().to_u32());
        std::mem::forget(node);
        LowerError { offset, kind: LowerErrorKind::OutOfStack }
    }

    fn unsupported(&self, r: PyRange, what: &'static str) -> LowerError {
        LowerError { offset: self.input.rw.map.to_original(r.start().to_u32()), kind: LowerErrorKind::Unsupported(what) }
    }

    /// The parsed text between two offsets of the parsed text.
    fn parsed_slice(&self, start: u32, end: u32) -> &str {
        self.input.rw.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// An identifier's original spelling, moving rustpython's string when it is the spelling already.
    fn ident_owned(&self, id: py::Identifier) -> String {
        match self.input.rw.names.get(id.as_str()) {
            Some(real) => real.clone(),
            None => id.into(),
        }
    }

    /// An identifier's original spelling.
    fn ident(&self, id: &py::Identifier) -> String {
        self.input.rw.name(id.as_str())
    }

    /// The expression a fresh name stands for (see `mend`: a walrus target that is not a name), parsed
    /// on its own at its place in the text; `None` for any other expression.
    fn spanned_expr(&mut self, e: &py::Expr) -> Result<Option<crate::syntax::ast::Expr>, LowerError> {
        let py::Expr::Name(n) = e else { return Ok(None) };
        let Some((at, text)) = self.input.rw.spans.get(n.id.as_str()) else { return Ok(None) };
        let start = rustpython_parser::text_size::TextSize::from(*at);
        let parsed = rustpython_parser::parse_starts_at(text, Mode::Expression, "<src>", start);
        match parsed {
            Ok(py::Mod::Expression(x)) => self.expr(*x.body).map(Some),
            _ => Err(self.unsupported(n.range, "an assignment target rustpython cannot parse")),
        }
    }

    /// The token of the literal starting at parsed-text offset `start`.
    fn literal_token(&self, start: u32) -> Option<(usize, &Token)> {
        let i = self.input.rw.literal_at(start)?;
        Some((i, self.input.tokens.get(i)?))
    }
}

