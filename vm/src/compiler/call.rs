//! `atom trailer*` expressions: attribute access, subscripts and calls (`compile_atom_expr_normal`,
//! `compile_trailer_paren_helper`), including method calls and `super()`.
//!
//! MicroPython parses `a.b(c)[d]` as one node: the atom `a` and a list of trailers `.b`, `(c)`, `[d]`,
//! each trailer a node of its own whose line is the line of its first token. Our tree nests
//! `Subscript(Call(Attribute(a, b), c), d)`, so [`Compiler::unroll_chain`] turns it back into the atom and
//! its trailers. A parenthesised prefix such as `(a.b)(c)` is a separate atom in MicroPython (so it is
//! not a method call); the text after the prefix tells the two apart.

use super::Compiler;
use crate::emit::{AccessKind, STAR_FLAG_DOUBLE, STAR_FLAG_SINGLE};
use crate::syntax::ast::{Expr, ExprKind, Keyword};

/// One trailer of an `atom trailer*` chain.
#[derive(Clone, Copy, Debug)]
pub(super) enum Trailer<'a> {
    /// `.attr`
    Period { attr: &'a str, line: u32 },
    /// `(args)`
    Paren { args: &'a [Expr], keywords: &'a [Keyword], line: u32 },
    /// `[index]`
    Bracket { index: &'a Expr, line: u32 },
}

impl Trailer<'_> {
    pub(super) fn line(&self) -> u32 {
        match self {
            Trailer::Period { line, .. } | Trailer::Paren { line, .. } | Trailer::Bracket { line, .. } => *line,
        }
    }
}

/// A call argument in source order.
#[derive(Clone, Copy, Debug)]
enum Arg<'a> {
    Positional(&'a Expr),
    Keyword(&'a Keyword),
}

impl<'a> Compiler<'a> {
    /// Splits `e` into its atom and trailers (in source order).
    pub(super) fn unroll_chain(&self, e: &'a Expr) -> (&'a Expr, Vec<Trailer<'a>>) {
        let mut trailers = Vec::new();
        let mut cur = e;
        loop {
            let (inner, trailer, open) = match &cur.kind {
                ExprKind::Attribute { value, attr } => {
                    (&**value, Trailer::Period { attr: attr.as_str(), line: 0 }, b'.')
                }
                ExprKind::Call { func, args, keywords } => {
                    (&**func, Trailer::Paren { args, keywords, line: 0 }, b'(')
                }
                ExprKind::Subscript { value, slice } => (&**value, Trailer::Bracket { index: slice, line: 0 }, b'['),
                _ => break,
            };
            let line = self.trailer_line(inner, cur, open);
            trailers.push(match trailer {
                Trailer::Period { attr, .. } => Trailer::Period { attr, line },
                Trailer::Paren { args, keywords, .. } => Trailer::Paren { args, keywords, line },
                Trailer::Bracket { index, .. } => Trailer::Bracket { index, line },
            });
            if self.is_parenthesized_prefix(inner, cur) {
                cur = inner;
                break;
            }
            cur = inner;
        }
        trailers.reverse();
        (cur, trailers)
    }

    /// The line of the token opening the trailer that follows `inner` inside `outer`.
    fn trailer_line(&self, inner: &Expr, outer: &Expr, open: u8) -> u32 {
        // Closing parentheses of a parenthesised prefix come first: `(a if b else c)(d)`.
        let mut from = inner.range.end;
        loop {
            match self.src.next_significant(from, outer.range.end) {
                Some((pos, b')')) => from = pos + 1,
                Some((pos, c)) if c == open => return self.src.line_of(pos),
                _ => return outer.line,
            }
        }
    }

    /// Whether `inner` is written in parentheses inside `outer` (`(a.b)(c)`), making it a separate atom.
    fn is_parenthesized_prefix(&self, inner: &Expr, outer: &Expr) -> bool {
        matches!(self.src.next_significant(inner.range.end, outer.range.end), Some((_, b')')))
    }

    /// `compile_atom_expr_normal`.
    pub(super) fn compile_atom_expr_normal(&mut self, e: &'a Expr) {
        let (atom, trailers) = self.unroll_chain(e);
        self.compile_node(atom);
        if trailers.is_empty() {
            return;
        }
        let mut i = 0;
        if let (ExprKind::Name(name), Trailer::Paren { args, keywords, line }) = (&atom.kind, trailers[0]) {
            if self.scope().kind == super::scope::ScopeKind::Function
                && name == "super"
                && args.is_empty()
                && keywords.is_empty()
            {
                // super() in a method: LOAD_SUPER_METHOD or super(__class__, self).
                self.compile_load_id("__class__");
                let first_param = self
                    .scope()
                    .id_info
                    .iter()
                    .find(|id| id.flags & super::scope::ID_FLAG_IS_PARAM != 0)
                    .map(|id| id.qst.clone());
                let Some(self_name) = first_param else {
                    self.syntax_error(line, "super() can't find self");
                    return;
                };
                self.compile_load_id(&self_name);
                if let (Some(Trailer::Period { attr, .. }), Some(Trailer::Paren { args, keywords, .. })) =
                    (trailers.get(1), trailers.get(2))
                {
                    self.emit().load_method(attr, true);
                    self.compile_trailer_paren_helper(args, keywords, true, 0);
                    i = 3;
                } else {
                    self.emit().call_function(2, 0, 0);
                    i = 1;
                }
            }
        }
        while i < trailers.len() {
            if let (Trailer::Period { attr, .. }, Some(Trailer::Paren { args, keywords, .. })) =
                (trailers[i], trailers.get(i + 1))
            {
                // A method call.
                self.emit().load_method(attr, false);
                self.compile_trailer_paren_helper(args, keywords, true, 0);
                i += 2;
            } else {
                self.compile_trailer(trailers[i]);
                i += 1;
            }
        }
    }

    /// `compile_node` on a trailer: `compile_trailer_period`, `_bracket`, `_paren`.
    pub(super) fn compile_trailer(&mut self, t: Trailer<'a>) {
        self.set_source_line(t.line());
        match t {
            Trailer::Period { attr, .. } => self.emit().attr(attr, AccessKind::Load),
            Trailer::Bracket { index, .. } => {
                self.compile_node(index);
                self.emit().subscr(AccessKind::Load);
            }
            Trailer::Paren { args, keywords, .. } => self.compile_trailer_paren_helper(args, keywords, false, 0),
        }
    }

    /// Whether the call argument `e` is wrapped in parentheses of its own: the run of `(` right before it
    /// is longer than the call's own `(` (which only the first argument has there; later ones follow a
    /// comma).
    pub(super) fn has_own_parens(&self, e: &Expr, first_argument: bool) -> bool {
        let start = self.src.paren_run_start(e.range.start);
        let opens = (start..e.range.start).filter(|&p| self.src.byte(p as usize) == Some(b'(')).count();
        opens > usize::from(first_argument)
    }

    /// `compile_trailer_paren_helper`: pushes the arguments in source order and calls.
    pub(super) fn compile_trailer_paren_helper(
        &mut self,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        is_method_call: bool,
        n_positional_extra: u32,
    ) {
        let mut items: Vec<(u32, Arg<'a>)> = args
            .iter()
            .map(|a| (a.range.start, Arg::Positional(a)))
            .chain(keywords.iter().map(|k| (k.range.start, Arg::Keyword(k))))
            .collect();
        items.sort_by_key(|(start, _)| *start);

        let mut n_positional = n_positional_extra;
        let mut n_keyword = 0u32;
        let mut star_flags = 0u32;
        let mut star_args: u64 = 0;
        for (i, (_, item)) in items.iter().enumerate() {
            match *item {
                Arg::Positional(Expr { kind: ExprKind::Starred(inner), line, .. }) => {
                    if star_flags & STAR_FLAG_DOUBLE != 0 {
                        self.syntax_error(*line, "* arg after **");
                        return;
                    }
                    if n_keyword > 0 {
                        self.syntax_error(*line, "* arg after kwarg");
                        return;
                    }
                    if i as u32 >= u32::from(self.opts.small_int_bits).saturating_sub(1) {
                        self.syntax_error(*line, "too many args");
                        return;
                    }
                    star_flags |= STAR_FLAG_SINGLE;
                    star_args |= 1u64 << i;
                    self.compile_node(inner);
                    n_positional += 1;
                }
                Arg::Keyword(Keyword { arg: None, value, .. }) => {
                    star_flags |= STAR_FLAG_DOUBLE;
                    self.emit().load_null();
                    self.compile_node(value);
                    n_keyword += 1;
                }
                Arg::Keyword(Keyword { arg: Some(name), value, .. }) => {
                    self.emit().load_const_str(name);
                    self.compile_node(value);
                    n_keyword += 1;
                }
                Arg::Positional(e) => {
                    if let ExprKind::NamedExpr { target, value } = &e.kind {
                        if !self.has_own_parens(e, i == 0) {
                            // `f(x := v)` is an `argument` node, compiled without a line of its own
                            // (`f((x := v))` is an ordinary positional argument).
                            self.compile_namedexpr_helper(target, value);
                            n_positional += 1;
                            continue;
                        }
                    }
                    if star_flags & STAR_FLAG_DOUBLE != 0 {
                        self.syntax_error(self.node_line(e), "positional arg after **");
                        return;
                    }
                    if n_keyword > 0 {
                        self.syntax_error(self.node_line(e), "positional arg after keyword arg");
                        return;
                    }
                    if matches!(e.kind, ExprKind::GeneratorExp { .. }) && self.is_bare_genexp_arg(e) {
                        // `f(x for x in y)`: the generator is the `argument` node itself.
                        self.compile_comprehension(e);
                    } else {
                        self.compile_node(e);
                    }
                    n_positional += 1;
                }
            }
        }

        if star_flags != 0 {
            self.emit().load_const_small_int(star_args as i64);
        }
        if is_method_call {
            self.emit().call_method(n_positional, n_keyword, star_flags);
        } else {
            self.emit().call_function(n_positional, n_keyword, star_flags);
        }
    }

    /// Whether a generator expression argument is written without its own parentheses (its range then
    /// starts at the element, and does not end with the `)` matching its first byte).
    fn is_bare_genexp_arg(&self, e: &Expr) -> bool {
        if self.src.byte(e.range.start as usize) != Some(b'(') {
            return true;
        }
        self.src.matching_close(e.range.start) != Some(e.range.end.saturating_sub(1))
    }
}
