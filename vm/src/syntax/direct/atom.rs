//! Atoms: names, literals, parenthesised forms and displays with their comprehensions, call arguments,
//! subscripts and slices.

use super::{starts_expr, Parser};
use crate::syntax::ast::*;
use crate::syntax::lexer::TokKind;
use crate::syntax::literal;

impl Parser<'_> {
    pub(super) fn atom(&mut self) -> Option<Expr> {
        let s = self.pos;
        let t = self.tok(s)?;
        let kind = match &t.kind {
            TokKind::Name => ExprKind::Name(self.name()?),
            TokKind::Integer | TokKind::FloatOrImag => {
                let text = String::from_utf8_lossy(&t.text);
                let c = literal::decode_number(&text, t.kind == TokKind::FloatOrImag).ok()?;
                self.pos += 1;
                ExprKind::Const(c)
            }
            TokKind::String | TokKind::Bytes => {
                // Adjacent literals the lexer did not join (str beside bytes) are rustpython's error.
                if matches!(self.kind_at(s + 1), TokKind::String | TokKind::Bytes) {
                    return None;
                }
                self.pos += 1;
                if t.kind == TokKind::Bytes {
                    ExprKind::Const(Constant::Bytes(t.text.clone()))
                } else {
                    let value = crate::mpy::text::from_bytes(&t.text).into_owned();
                    let kind = self.kinds.get(s).copied().unwrap_or(StrKind::Object);
                    ExprKind::Const(Constant::Str { value, kind })
                }
            }
            TokKind::Keyword(k) => {
                let c = match *k {
                    "True" => Constant::True,
                    "False" => Constant::False,
                    "None" => Constant::None,
                    _ => return None,
                };
                self.pos += 1;
                ExprKind::Const(c)
            }
            TokKind::Op("...") => {
                self.pos += 1;
                ExprKind::Const(Constant::Ellipsis)
            }
            TokKind::Op("(") => {
                self.enter()?;
                let r = self.paren();
                self.leave();
                return r;
            }
            TokKind::Op("[") => {
                self.enter()?;
                let r = self.list_display();
                self.leave();
                return r;
            }
            TokKind::Op("{") => {
                self.enter()?;
                let r = self.brace_display();
                self.leave();
                return r;
            }
            _ => return None,
        };
        self.node(s, kind)
    }

    /// `( … )`: the empty tuple, a parenthesised expression (its own node, range and line), a tuple, a
    /// generator expression or a parenthesised yield.
    fn paren(&mut self) -> Option<Expr> {
        let s = self.pos;
        self.expect_op("(")?;
        if self.eat_op(")") {
            return self.node(s, ExprKind::Tuple { elts: Vec::new(), parenthesized: true });
        }
        if self.at_kw("yield") {
            let e = self.yield_expr()?;
            self.expect_op(")")?;
            return Some(e);
        }
        let first = self.named_or_star()?;
        let starred = matches!(first.kind, ExprKind::Starred(_));
        if self.starts_comprehension() {
            return self.comprehension_of(s, first, ")", |elt, generators| ExprKind::GeneratorExp { elt, generators });
        }
        if self.eat_op(")") {
            return (!starred).then_some(first);
        }
        let first_comma = self.pos;
        let parenthesized = self.lowered_parenthesized(s, &first, first_comma)?;
        self.expect_op(",")?;
        let mut elts = vec![first];
        let mut trailing = true;
        while !self.at_op(")") {
            elts.push(self.named_or_star()?);
            if !self.eat_op(",") {
                trailing = false;
                break;
            }
        }
        self.expect_op(")")?;
        let e = self.node(s, ExprKind::Tuple { elts, parenthesized })?;
        self.tuple_line(&e, parenthesized.then_some(s), Some(first_comma), trailing)?;
        Some(e)
    }

    /// Whether `lower` calls the tuple opened at token `open` parenthesised: it counts the `(` before its
    /// first element's range and the `)` after it up to the comma. That range ends early for
    /// `name := (value)` (where the value ends), so `((a := (b)), c)` counts as unparenthesised.
    fn lowered_parenthesized(&self, open: usize, first: &Expr, comma: usize) -> Option<bool> {
        if !matches!(first.kind, ExprKind::NamedExpr { .. }) {
            return Some(true);
        }
        let span = self.toks.get(open..comma)?;
        if span.iter().any(|t| t.injected) {
            return None;
        }
        let opens = span.iter().filter(|t| t.kind == TokKind::Op("(") && t.start < first.range.start).count();
        let closes = span.iter().filter(|t| t.kind == TokKind::Op(")") && t.start >= first.range.end).count();
        Some(opens > closes)
    }

    /// `[ … ]`: a list display or a list comprehension.
    fn list_display(&mut self) -> Option<Expr> {
        let s = self.pos;
        self.expect_op("[")?;
        if self.eat_op("]") {
            return self.node(s, ExprKind::List(Vec::new()));
        }
        let first = self.named_or_star()?;
        if self.starts_comprehension() {
            return self.comprehension_of(s, first, "]", |elt, generators| ExprKind::ListComp { elt, generators });
        }
        let elts = self.rest_of_items(first, "]")?;
        self.node(s, ExprKind::List(elts))
    }

    /// Whether a comprehension's `for` clauses start here.
    fn starts_comprehension(&self) -> bool {
        self.at_kw("for") || self.at_kw("async")
    }

    /// A list, set or generator comprehension after its element (token `s` opened it): its clauses and
    /// `close`. A starred element is not (rustpython refuses it).
    fn comprehension_of(
        &mut self,
        s: usize,
        elt: Expr,
        close: &str,
        kind: fn(Box<Expr>, Vec<Comprehension>) -> ExprKind,
    ) -> Option<Expr> {
        if matches!(elt.kind, ExprKind::Starred(_)) {
            return None;
        }
        let generators = self.comprehensions()?;
        self.expect_op(close)?;
        self.node(s, kind(Box::new(elt), generators))
    }

    /// After a display's first item: `, item`* with an optional trailing comma, and the closing bracket.
    fn rest_of_items(&mut self, first: Expr, close: &str) -> Option<Vec<Expr>> {
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op(close) {
                break;
            }
            elts.push(self.named_or_star()?);
        }
        self.expect_op(close)?;
        Some(elts)
    }

    /// `{ … }`: dict or set display, dict or set comprehension.
    fn brace_display(&mut self) -> Option<Expr> {
        let s = self.pos;
        self.expect_op("{")?;
        if self.eat_op("}") {
            return self.node(s, ExprKind::Dict { keys: Vec::new(), values: Vec::new() });
        }
        if self.at_op("**") {
            return self.dict_rest(s, Vec::new(), Vec::new());
        }
        let first_at = self.pos;
        let first = self.named_or_star()?;
        if self.eat_op(":") {
            if matches!(first.kind, ExprKind::Starred(_)) || self.bare_walrus(first_at, &first) {
                return None;
            }
            let value = self.test()?;
            if self.starts_comprehension() {
                let generators = self.comprehensions()?;
                self.expect_op("}")?;
                return self.node(s, ExprKind::DictComp { key: Box::new(first), value: Box::new(value), generators });
            }
            return self.dict_rest(s, vec![Some(first)], vec![value]);
        }
        if self.starts_comprehension() {
            return self.comprehension_of(s, first, "}", |elt, generators| ExprKind::SetComp { elt, generators });
        }
        let elts = self.rest_of_items(first, "}")?;
        self.node(s, ExprKind::Set(elts))
    }

    /// The rest of a dict display: entries `key: value` or `**mapping`, after those already read.
    fn dict_rest(&mut self, s: usize, mut keys: Vec<Option<Expr>>, mut values: Vec<Expr>) -> Option<Expr> {
        loop {
            if !keys.is_empty() {
                if !self.eat_op(",") {
                    break;
                }
                if self.at_op("}") {
                    break;
                }
            }
            if self.eat_op("**") {
                keys.push(None);
                values.push(self.expr()?);
            } else {
                keys.push(Some(self.test()?));
                self.expect_op(":")?;
                values.push(self.test()?);
            }
        }
        self.expect_op("}")?;
        self.node(s, ExprKind::Dict { keys, values })
    }

    /// Whether `e`, read from token `at` on, is a walrus without parentheses of its own (rustpython takes
    /// `(a := b)` where a test goes, not `a := b`).
    fn bare_walrus(&self, at: usize, e: &Expr) -> bool {
        matches!(e.kind, ExprKind::NamedExpr { .. }) && self.kind_at(at) != &TokKind::Op("(")
    }

    /// `for target in iter if cond …`, one or more.
    pub(super) fn comprehensions(&mut self) -> Option<Vec<Comprehension>> {
        let mut out = Vec::new();
        loop {
            let is_async = self.eat_kw("async");
            if !self.eat_kw("for") {
                if is_async || out.is_empty() {
                    return None;
                }
                return Some(out);
            }
            let target = self.expr_list()?;
            self.expect_kw("in")?;
            let iter = self.or_test()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.or_test()?);
            }
            out.push(Comprehension { target, iter, ifs, is_async });
        }
    }

    /// A call's (or class's) arguments up to and including `close`: positional arguments (with `*x`),
    /// keywords (with `**m`), and whether a comma ends the list. `None` where rustpython refuses the list
    /// (a positional argument after a keyword, anything after `**`, a repeated keyword).
    pub(super) fn call_args(&mut self, close: &str) -> Option<(Vec<Expr>, Vec<Keyword>, bool)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut trailing = false;
        let mut double_starred = false;
        while !self.eat_op(close) {
            let s = self.pos;
            trailing = false;
            if self.eat_op("**") {
                let value = self.test()?;
                keywords.push(Keyword { arg: None, value, range: self.range_from(s)? });
                double_starred = true;
            } else if self.kind() == &TokKind::Name && matches!(self.kind_at(s + 1), TokKind::Op("=")) {
                let name = self.name()?;
                self.pos += 1;
                let value = self.test()?;
                if keywords.iter().any(|k| k.arg.as_deref() == Some(name.as_str())) {
                    return None;
                }
                keywords.push(Keyword { arg: Some(name), value, range: self.range_from(s)? });
            } else {
                let e = if self.eat_op("*") {
                    let value = self.test()?;
                    self.node(s, ExprKind::Starred(Box::new(value)))?
                } else {
                    let elt = self.named_test()?;
                    if self.starts_comprehension() {
                        let generators = self.comprehensions()?;
                        self.node(s, ExprKind::GeneratorExp { elt: Box::new(elt), generators })?
                    } else {
                        elt
                    }
                };
                let starred = matches!(e.kind, ExprKind::Starred(_));
                if double_starred || (!keywords.is_empty() && !starred) {
                    return None;
                }
                args.push(e);
            }
            if !self.eat_op(",") {
                self.expect_op(close)?;
                break;
            }
            trailing = true;
        }
        Some((args, keywords, trailing))
    }

    /// What goes between `[` and `]` after a value: one item, or a tuple of items (slices allowed).
    pub(super) fn subscript_list(&mut self) -> Option<Expr> {
        let s = self.pos;
        let first = self.subscript()?;
        if !self.at_op(",") {
            return Some(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            elts.push(self.subscript()?);
        }
        let e = self.node(s, ExprKind::Tuple { elts, parenthesized: false })?;
        self.tuple_line(&e, None, None, false)?;
        Some(e)
    }

    /// One subscript item: an expression or a slice `lower:upper:step` (each part optional).
    fn subscript(&mut self) -> Option<Expr> {
        let s = self.pos;
        let lower = if self.at_op(":") {
            None
        } else {
            let e = self.named_or_star()?;
            if !self.at_op(":") {
                return Some(e);
            }
            if matches!(e.kind, ExprKind::Starred(_)) || self.bare_walrus(s, &e) {
                return None;
            }
            Some(Box::new(e))
        };
        self.expect_op(":")?;
        let upper = if starts_expr(self.kind()) { Some(Box::new(self.test()?)) } else { None };
        let step = if self.eat_op(":") && starts_expr(self.kind()) { Some(Box::new(self.test()?)) } else { None };
        self.node(s, ExprKind::Slice { lower, upper, step })
    }
}
