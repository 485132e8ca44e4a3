//! The direct tree builder: our [`ast`](crate::syntax::ast) straight from MicroPython's tokens, without the
//! rustpython round trip, for programs the recognizer accepted and `mend` left alone.
//!
//! It is a recursive descent over rustpython's grammar (the one `lower` reads the answer of), producing
//! exactly the tree and [`SideTables`] that `lower::lower_module` would: every range is the span from the
//! first to the last token of rustpython's production (a parenthesised expression keeps its inner node's
//! range, the node around it starts at the `(`), every line is the line of that first token. Whatever it
//! does not handle, or where rustpython would refuse the program, it answers `None` and the caller takes
//! the rustpython path, which stays the reference (`vm/tests/direct_tree.rs` checks they agree).
//!
//! It bails out on: forms rustpython refuses (a parameter without default after one with, repeated
//! parameter or keyword names, positional arguments after keywords or `**`, `(*a)`, adjacent str and bytes
//! literals), number literals MicroPython's number parser rejects, `with (…):` items that are not plain,
//! ambiguous side-table entries inside one f-string's injected text, and nesting past [`MAX_DEPTH`].

mod atom;
mod expr;
mod stmt;

use crate::syntax::ast::{Expr, ExprKind, Module, StrKind, TextRange};
use crate::syntax::fold::SideTables;
use crate::syntax::lexer::{TokKind, Token};

/// Nesting (blocks, brackets, unary operators, nested expressions) beyond which the builder gives up.
const MAX_DEPTH: usize = 100;

/// Builds the module from a recognized token stream (ending with `End`); `str_kinds` is
/// [`intern::decide`](crate::syntax::intern::decide)'s answer for these tokens. `None`: take rustpython's path.
pub fn build(tokens: &[Token], str_kinds: &[StrKind]) -> Option<(Module, SideTables)> {
    // Tokens injected by f-strings (`.format(...)`) and t-strings (`__template__(...)`) are ordinary tokens
    // with an empty range at the injection point: rustpython's path maps their nodes there too.
    if tokens.iter().any(|t| t.kind == TokKind::TString) {
        return None;
    }
    if !matches!(tokens.last(), Some(t) if t.kind == TokKind::End) {
        return None;
    }
    let mut p = Parser { toks: tokens, kinds: str_kinds, pos: 0, depth: 0, side: SideTables::default() };
    let body = p.module()?;
    Some((Module { body }, p.side))
}

/// The builder's state: the tokens, the position, the side tables filled on the way.
pub(super) struct Parser<'a> {
    toks: &'a [Token],
    kinds: &'a [StrKind],
    pos: usize,
    depth: usize,
    side: SideTables,
}

const END: TokKind = TokKind::End;

impl<'a> Parser<'a> {
    fn kind(&self) -> &'a TokKind {
        self.toks.get(self.pos).map_or(&END, |t| &t.kind)
    }

    fn kind_at(&self, i: usize) -> &'a TokKind {
        self.toks.get(i).map_or(&END, |t| &t.kind)
    }

    fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.kind(), TokKind::Op(o) if *o == op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.kind(), TokKind::Keyword(k) if *k == kw)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let yes = self.at_op(op);
        if yes {
            self.pos += 1;
        }
        yes
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        let yes = self.at_kw(kw);
        if yes {
            self.pos += 1;
        }
        yes
    }

    fn expect_op(&mut self, op: &str) -> Option<()> {
        self.eat_op(op).then_some(())
    }

    fn expect_kw(&mut self, kw: &str) -> Option<()> {
        self.eat_kw(kw).then_some(())
    }

    fn expect(&mut self, kind: &TokKind) -> Option<()> {
        if self.kind() == kind {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    /// The identifier at the current token (its original spelling), consumed.
    fn name(&mut self) -> Option<String> {
        let t = self.tok(self.pos)?;
        if t.kind != TokKind::Name {
            return None;
        }
        self.pos += 1;
        Some(crate::mpy::text::from_bytes(&t.text).into_owned())
    }

    /// The range from the start of token `s` to the end of the last token consumed.
    fn range_from(&self, s: usize) -> Option<TextRange> {
        let first = self.tok(s)?;
        let last = self.tok(self.pos.checked_sub(1)?)?;
        Some(TextRange::new(first.start, last.end))
    }

    fn line_of(&self, s: usize) -> Option<u32> {
        Some(self.tok(s)?.line)
    }

    /// An expression node spanning token `s` to the last token consumed.
    fn node(&self, s: usize, kind: ExprKind) -> Option<Expr> {
        Some(Expr { kind, range: self.range_from(s)?, line: self.line_of(s)? })
    }

    /// Enters one level of nesting; `None` past [`MAX_DEPTH`]. Pair with [`Parser::leave`].
    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        (self.depth <= MAX_DEPTH).then_some(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Records a tuple display's constant-tuple line (see `lower`): the tuple's first token for a bare
    /// tuple; for a parenthesised one the token after `(`, or after the first comma when there are three or
    /// more elements or two and a trailing comma.
    fn tuple_line(&mut self, e: &Expr, open: Option<usize>, first_comma: Option<usize>, trailing: bool) -> Option<()> {
        let ExprKind::Tuple { elts, .. } = &e.kind else { return Some(()) };
        if elts.is_empty() {
            return Some(());
        }
        let line = match open {
            None => e.line,
            Some(open) => {
                let after = if elts.len() >= 3 || (elts.len() == 2 && trailing) { first_comma? } else { open };
                self.line_of(after + 1)?
            }
        };
        // Two tuples share a range only inside one f-string's injected text (empty ranges): `lower` keeps
        // the line of the later one in its (pre-order) walk, this builder meets them in post-order.
        match self.side.tuple_lines.insert((e.range.start, e.range.end), line) {
            Some(old) if old != line => None,
            _ => Some(()),
        }
    }
}

/// Whether a token can start an expression (an element after a comma, a `return` value, …).
fn starts_expr(k: &TokKind) -> bool {
    match k {
        TokKind::Name | TokKind::Integer | TokKind::FloatOrImag | TokKind::String | TokKind::Bytes => true,
        TokKind::Keyword(k) => matches!(*k, "True" | "False" | "None" | "not" | "lambda" | "await"),
        TokKind::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "*" | "..."),
        _ => false,
    }
}
