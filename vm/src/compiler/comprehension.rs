//! Comprehensions and generator expressions (`compile_comprehension`, `compile_scope_comp_iter`, and
//! `compile_scope` for the comprehension scopes).
//!
//! A comprehension is a function of one argument, the iterator of its first `for`, which the caller
//! evaluates in its own scope. Inside, the collection (or, for a generator, nothing) sits below the
//! iterators on the stack, hence the `STORE_COMP` index `4 * depth + 5`.

use super::scope::{IdKind, ScopeKind, ScopeNode};
use super::Compiler;
use crate::emit::{BuildKind, CompKind, ConstTok, Pass, YieldKind};
use crate::syntax::ast::{Comprehension, Expr, ExprKind};

impl<'a> Compiler<'a> {
    /// `compile_comprehension`: makes the comprehension function and calls it on the first iterator.
    pub(super) fn compile_comprehension(&mut self, e: &'a Expr) {
        let (kind, elt, value, generators) = match &e.kind {
            ExprKind::ListComp { elt, generators } => (ScopeKind::ListComp, &**elt, None, generators),
            ExprKind::SetComp { elt, generators } => (ScopeKind::SetComp, &**elt, None, generators),
            ExprKind::GeneratorExp { elt, generators } => (ScopeKind::GenExpr, &**elt, None, generators),
            ExprKind::DictComp { key, value, generators } => (ScopeKind::DictComp, &**key, Some(&**value), generators),
            _ => {
                self.internal_error("not a comprehension");
                return;
            }
        };
        let Some(first) = generators.first() else {
            self.internal_error("comprehension without a for clause");
            return;
        };
        if generators.iter().any(|g| g.is_async) {
            self.syntax_error(e.line, "invalid syntax");
            return;
        }
        let emit_options = self.scope().emit_options;
        let simple_name = super::scope::Scope::simple_name_for(kind).to_string();
        let line = self.comprehension_line(e, elt);
        let Some(this_scope) = self.scope_for_node(
            e,
            kind,
            ScopeNode::Comprehension { elt, value, generators },
            line,
            simple_name,
            emit_options,
        ) else {
            return;
        };
        self.close_over_variables_etc(this_scope, 0, 0);
        self.compile_node(&first.iter);
        if kind == ScopeKind::GenExpr {
            self.emit().get_iter(false);
        }
        self.emit().call_function(1, 0, 0);
    }

    /// The line of the comprehension's parse node: its first token inside the brackets, which is the
    /// element's first token *including* any parentheses around the element (our element's own line
    /// excludes them).
    fn comprehension_line(&self, e: &Expr, elt: &Expr) -> u32 {
        let start = self.own_bracket_start(e, elt);
        let own_bracket = match (&e.kind, self.src.byte(start as usize)) {
            (ExprKind::ListComp { .. }, Some(b'[')) => true,
            (ExprKind::SetComp { .. } | ExprKind::DictComp { .. }, Some(b'{')) => true,
            (ExprKind::GeneratorExp { .. }, Some(b'(')) => {
                self.src.matching_close(start) == Some(e.range.end.saturating_sub(1))
            }
            _ => false,
        };
        let from = if own_bracket { start + 1 } else { start };
        if matches!(e.kind, ExprKind::DictComp { .. }) {
            // The node is the `key: value` item (difffuzz seed 92750: a key folded to a later operand).
            return self.dict_item_line(elt);
        }
        match self.src.next_significant(from, elt.range.start.max(from)) {
            Some((pos, _)) if pos < elt.range.start => self.src.line_of(pos),
            // A folded constant element (`-5`, `1 + 1`) has no line of its own, but the comprehension's
            // node still starts at its first token; so does a folded constant tuple, whose line is its tuple
            // rule's (found by the differential fuzzer: `{("a",\n 1, 2) for i in y}`).
            _ if elt.line == 0 || matches!(elt.kind, ExprKind::Const(crate::syntax::ast::Constant::Tuple(_))) => {
                self.src.line_of(elt.range.start)
            }
            _ => elt.line,
        }
    }

    /// Where a comprehension's node starts: its range's start, except for a comprehension that folding left
    /// in place of a longer expression (`"a" and (x for x in y)`), which keeps that expression's start; its
    /// own bracket is then the one right before its element (past parentheses and blanks) that closes at its
    /// end (difffuzz seed 627511).
    fn own_bracket_start(&self, e: &Expr, elt: &Expr) -> u32 {
        let start = e.range.start;
        let open = match e.kind {
            ExprKind::ListComp { .. } => b'[',
            ExprKind::SetComp { .. } | ExprKind::DictComp { .. } => b'{',
            _ => b'(',
        };
        let close = e.range.end.saturating_sub(1);
        let closes_here = |p: u32| self.src.byte(p as usize) == Some(open) && self.src.matching_close(p) == Some(close);
        if closes_here(start) || elt.range.start <= start {
            return start;
        }
        let mut p = elt.range.start;
        while p > start {
            p -= 1;
            match self.src.byte(p as usize) {
                Some(b) if b == open && closes_here(p) => return p,
                Some(b'(' | b' ' | b'\t' | b'\r' | b'\n' | b'\x0c') => {}
                _ => break,
            }
        }
        start
    }

    /// The body of a comprehension scope.
    pub(super) fn compile_scope_comprehension(
        &mut self,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        generators: &'a [Comprehension],
    ) {
        // The single argument, the iterator, is a local named by the empty qstr.
        if self.pass == Pass::Scope {
            self.scope_mut().find_or_add("", IdKind::Local);
            self.scope_mut().num_pos_args = 1;
        }
        let line = self.scope().line;
        self.set_source_line(line);
        let kind = self.scope().kind;
        match kind {
            ScopeKind::ListComp => self.emit().build(0, BuildKind::List),
            ScopeKind::DictComp => self.emit().build(0, BuildKind::Map),
            ScopeKind::SetComp => self.emit().build(0, BuildKind::Set),
            _ => {}
        }
        if kind == ScopeKind::GenExpr {
            // An iter_buf's worth of slots: NULL, the iterator, NULL, NULL.
            self.emit().load_null();
            self.compile_load_id("");
            self.emit().load_null();
            self.emit().load_null();
        } else {
            self.compile_load_id("");
            self.emit().get_iter(true);
        }
        self.compile_scope_comp_iter(generators, 0, elt, value, 0);
        if kind == ScopeKind::GenExpr {
            self.emit().load_const_tok(ConstTok::None);
        }
        self.emit().return_value();
    }

    /// `compile_scope_comp_iter`: one `for` clause, its `if`s, and what is nested inside.
    fn compile_scope_comp_iter(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        for_depth: u32,
    ) {
        if !self.enter() {
            return;
        }
        let Some(gen) = generators.get(index) else {
            self.leave();
            return;
        };
        let l_top = self.next_label();
        let l_end = self.next_label();
        self.emit().label_assign(l_top);
        self.emit().for_iter(l_end);
        self.c_assign(&gen.target, super::assign::AssignKind::Store);
        for cond in &gen.ifs {
            self.c_if_cond(cond, false, l_top);
        }
        if let Some(next) = generators.get(index + 1) {
            self.compile_node(&next.iter);
            self.emit().get_iter(true);
            self.compile_scope_comp_iter(generators, index + 1, elt, value, for_depth + 1);
        } else {
            let kind = self.scope().kind;
            match value {
                Some(v) => self.compile_dict_item(elt, v),
                None => self.compile_node(elt),
            }
            match kind {
                ScopeKind::GenExpr => {
                    self.emit_yield(YieldKind::Value);
                    self.emit().pop_top();
                }
                ScopeKind::ListComp => self.emit().store_comp(CompKind::List, 4 * for_depth + 5),
                ScopeKind::DictComp => self.emit().store_comp(CompKind::Dict, 4 * for_depth + 5),
                _ => self.emit().store_comp(CompKind::Set, 4 * for_depth + 5),
            }
        }
        self.emit().jump(l_top);
        self.emit().label_assign(l_end);
        self.emit().for_iter_end();
        self.leave();
    }
}
