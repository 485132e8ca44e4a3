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
use rustpython_parser::{ast as py, text_size::TextRange as PyRange, Mode, ParseErrorType, StringKind, Tok};

use crate::syntax::ast::{Module, StrKind, TextRange};
use crate::syntax::lexer::Token;
use crate::syntax::rewrite::{RwTok, Rewritten};

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

/// rustpython's token for one of the rebuilt text's tokens. Literal values are placeholders: lowering reads
/// them from MicroPython's tokens.
fn py_tok(kind: RwTok, text: &str) -> Option<Tok> {
    Some(match kind {
        RwTok::Name => Tok::Name { name: text.to_string() },
        RwTok::Number => Tok::Float { value: 0.0 },
        RwTok::Str => Tok::String { value: String::new(), kind: StringKind::String, triple_quoted: false },
        RwTok::Bytes => Tok::String { value: String::new(), kind: StringKind::Bytes, triple_quoted: false },
        RwTok::Newline => Tok::Newline,
        RwTok::Indent => Tok::Indent,
        RwTok::Dedent => Tok::Dedent,
        RwTok::End => Tok::EndOfFile,
        RwTok::Keyword(k) => match k {
            "False" => Tok::False,
            "None" => Tok::None,
            "True" => Tok::True,
            "and" => Tok::And,
            "as" => Tok::As,
            "assert" => Tok::Assert,
            "async" => Tok::Async,
            "await" => Tok::Await,
            "break" => Tok::Break,
            "class" => Tok::Class,
            "continue" => Tok::Continue,
            "def" => Tok::Def,
            "del" => Tok::Del,
            "elif" => Tok::Elif,
            "else" => Tok::Else,
            "except" => Tok::Except,
            "finally" => Tok::Finally,
            "for" => Tok::For,
            "from" => Tok::From,
            "global" => Tok::Global,
            "if" => Tok::If,
            "import" => Tok::Import,
            "in" => Tok::In,
            "is" => Tok::Is,
            "lambda" => Tok::Lambda,
            "nonlocal" => Tok::Nonlocal,
            "not" => Tok::Not,
            "or" => Tok::Or,
            "pass" => Tok::Pass,
            "raise" => Tok::Raise,
            "return" => Tok::Return,
            "try" => Tok::Try,
            "while" => Tok::While,
            "with" => Tok::With,
            "yield" => Tok::Yield,
            _ => return None,
        },
        RwTok::Op(o) => match o {
            "(" => Tok::Lpar,
            ")" => Tok::Rpar,
            "[" => Tok::Lsqb,
            "]" => Tok::Rsqb,
            "{" => Tok::Lbrace,
            "}" => Tok::Rbrace,
            ":" => Tok::Colon,
            "," => Tok::Comma,
            ";" => Tok::Semi,
            "+" => Tok::Plus,
            "-" => Tok::Minus,
            "*" => Tok::Star,
            "/" => Tok::Slash,
            "|" => Tok::Vbar,
            "&" => Tok::Amper,
            "<" => Tok::Less,
            ">" => Tok::Greater,
            "=" => Tok::Equal,
            "." => Tok::Dot,
            "%" => Tok::Percent,
            "==" => Tok::EqEqual,
            "!=" => Tok::NotEqual,
            "<=" => Tok::LessEqual,
            ">=" => Tok::GreaterEqual,
            "~" => Tok::Tilde,
            "^" => Tok::CircumFlex,
            "<<" => Tok::LeftShift,
            ">>" => Tok::RightShift,
            "**" => Tok::DoubleStar,
            "**=" => Tok::DoubleStarEqual,
            "+=" => Tok::PlusEqual,
            "-=" => Tok::MinusEqual,
            "*=" => Tok::StarEqual,
            "/=" => Tok::SlashEqual,
            "%=" => Tok::PercentEqual,
            "&=" => Tok::AmperEqual,
            "|=" => Tok::VbarEqual,
            "^=" => Tok::CircumflexEqual,
            "<<=" => Tok::LeftShiftEqual,
            ">>=" => Tok::RightShiftEqual,
            "//" => Tok::DoubleSlash,
            "//=" => Tok::DoubleSlashEqual,
            ":=" => Tok::ColonEqual,
            "@" => Tok::At,
            "@=" => Tok::AtEqual,
            "->" => Tok::Rarrow,
            "..." => Tok::Ellipsis,
            _ => return None,
        },
    })
}

/// Parses the rebuilt text with rustpython and converts the module. With `tokens`, rustpython is handed the
/// rebuilt text's tokens instead of lexing the text itself (the same tokens, without its lexer's cost);
/// the first attempt at a program uses them, a program it refuses is parsed from the text (whose errors
/// the repairs and error mapping read).
pub fn lower_module(input: &Input<'_>, tokens: bool) -> Result<Lowered, LowerError> {
    let map = &input.rw.map;
    let text = &input.rw.text;
    let parsed = if tokens {
        // rustpython's lexer ends its iterator at the end of input (its `EndOfFile` never reaches the parser).
        let toks = input.rw.toks.iter().filter(|t| t.0 != RwTok::End).map(|&(kind, start, end)| {
            let range = PyRange::new(start.into(), end.into());
            match py_tok(kind, text.get(start as usize..end as usize).unwrap_or("")) {
                Some(t) => Ok((t, range)),
                None => Err(rustpython_parser::lexer::LexicalError {
                    error: rustpython_parser::lexer::LexicalErrorType::OtherError("unknown token".into()),
                    location: range.start(),
                }),
            }
        });
        rustpython_parser::parse_tokens(toks, Mode::Module, "<src>")
    } else {
        rustpython_parser::parse(text, Mode::Module, "<src>")
    };
    let parsed = parsed.map_err(|e| {
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
        let rw = &self.input.rw;
        TextRange::new(rw.map.to_original(r.start().to_u32()), rw.end_at(r.end().to_u32()))
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

