//! `for` loops (`compile_for_stmt`, `compile_for_stmt_optimised_range`).
//!
//! `for x in range(...)` with a plain name target, one to three positional arguments and (if given) a
//! non-zero small-int step is compiled to a counting loop without creating a range object.

use super::assign::AssignKind;
use super::Compiler;
use crate::emit::BinaryOp;
use crate::syntax::ast::{Constant, Expr, ExprKind, Stmt};

/// The start, end and step of an optimisable `range(...)` call.
struct RangeArgs<'a> {
    start: RangeValue<'a>,
    end: &'a Expr,
    step: RangeValue<'a>,
}

/// A `range` argument, or an implicit small int (`range(n)` starts at 0 with step 1).
#[derive(Clone, Copy)]
enum RangeValue<'a> {
    Expr(&'a Expr),
    Implicit(i64),
}

impl<'a> Compiler<'a> {
    fn optimisable_range(&self, target: &'a Expr, iter: &'a Expr) -> Option<RangeArgs<'a>> {
        if !matches!(target.kind, ExprKind::Name(_)) {
            return None;
        }
        let ExprKind::Call { func, args, keywords } = &iter.kind else { return None };
        if !matches!(&func.kind, ExprKind::Name(n) if n == "range") {
            return None;
        }
        // `(range)(n)` is a different parse tree.
        if matches!(self.src.next_significant(func.range.end, iter.range.end), Some((_, b')'))) {
            return None;
        }
        // MicroPython counts every argument, keyword or starred, and then only optimises when start and end
        // are plain expressions.
        let n_args = args.len() + keywords.len();
        if !(1..=3).contains(&n_args) {
            return None;
        }
        let mut items: Vec<Option<&'a Expr>> = Vec::new();
        let mut all: Vec<(u32, Option<&'a Expr>)> = args
            .iter()
            .enumerate()
            .map(|(i, a)| {
                // Starred, `x := v` and bare generator arguments are not plain expressions there; `(x := v)` is
                // (found by the differential fuzzer).
                let plain = match a.kind {
                    ExprKind::Starred(_) => false,
                    // `range(x for x in y)` is not; `range((x for x in y))` is (its range holds its own
                    // parentheses; found by the differential fuzzer).
                    ExprKind::GeneratorExp { .. } => self.is_parenthesised_genexp(a),
                    ExprKind::NamedExpr { .. } => self.has_own_parens(a, i == 0),
                    _ => true,
                };
                (a.range.start, plain.then_some(a))
            })
            .chain(keywords.iter().map(|k| (k.range.start, None)))
            .collect();
        all.sort_by_key(|(s, _)| *s);
        items.extend(all.into_iter().map(|(_, e)| e));
        let (start, end, step) = match items.as_slice() {
            [end] => (RangeValue::Implicit(0), *end, RangeValue::Implicit(1)),
            [start, end] => (RangeValue::Expr((*start)?), *end, RangeValue::Implicit(1)),
            [start, end, step] => {
                let step = (*step)?;
                match &step.kind {
                    ExprKind::Const(Constant::Int(i)) if self.small_int(i).is_some_and(|v| v != 0) => {}
                    _ => return None,
                }
                (RangeValue::Expr((*start)?), *end, RangeValue::Expr(step))
            }
            _ => return None,
        };
        Some(RangeArgs { start, end: end?, step })
    }

    /// True when a generator expression is written in parentheses of its own: its range then starts at its
    /// `(` and ends at the matching `)` (a bare generator argument's range is its element to its last clause).
    fn is_parenthesised_genexp(&self, e: &Expr) -> bool {
        self.src.byte(e.range.start as usize) == Some(b'(')
            && e.range.end > e.range.start
            && self.src.matching_close(e.range.start) == Some(e.range.end - 1)
    }

    fn compile_range_value(&mut self, v: RangeValue<'a>) {
        match v {
            RangeValue::Expr(e) => self.compile_node(e),
            RangeValue::Implicit(n) => self.emit().load_const_small_int(n),
        }
    }

    fn range_step_value(&self, v: RangeValue<'a>) -> i64 {
        match v {
            RangeValue::Implicit(n) => n,
            RangeValue::Expr(Expr { kind: ExprKind::Const(Constant::Int(i)), .. }) => self.small_int(i).unwrap_or(1),
            RangeValue::Expr(_) => 1,
        }
    }

    /// `compile_for_stmt`.
    pub(super) fn compile_for_stmt(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) {
        if let Some(range) = self.optimisable_range(target, iter) {
            self.compile_for_stmt_optimised_range(target, range, body, orelse);
            return;
        }
        let saved = self.start_break_continue_block(true);
        let (break_label, continue_label) = (self.break_label, self.continue_label);
        let pop_label = self.next_label();

        self.compile_node(iter);
        self.emit().get_iter(true);
        self.emit().label_assign(continue_label);
        self.emit().for_iter(pop_label);
        self.c_assign(target, AssignKind::Store);
        self.compile_suite(body);
        self.emit().jump(continue_label);
        self.emit().label_assign(pop_label);
        self.emit().for_iter_end();

        self.end_break_continue_block(saved);
        self.compile_suite(orelse);
        self.emit().label_assign(break_label);
    }

    /// `compile_for_stmt_optimised_range`.
    fn compile_for_stmt_optimised_range(
        &mut self,
        var: &'a Expr,
        range: RangeArgs<'a>,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) {
        let saved = self.start_break_continue_block(false);
        let (break_label, continue_label) = (self.break_label, self.continue_label);
        let top_label = self.next_label();
        let entry_label = self.next_label();

        // The end value stays on the stack unless it is a small int.
        let end_on_stack = !matches!(&range.end.kind, ExprKind::Const(Constant::Int(i)) if self.small_int(i).is_some());
        if end_on_stack {
            self.compile_node(range.end);
        }
        self.compile_range_value(range.start);

        self.emit().jump(entry_label);
        self.emit().label_assign(top_label);

        self.emit().dup_top();
        self.c_assign(var, AssignKind::Store);

        self.compile_suite(body);

        self.emit().label_assign(continue_label);

        self.compile_range_value(range.step);
        self.emit().binary_op(BinaryOp::InplaceAdd);

        self.emit().label_assign(entry_label);

        if end_on_stack {
            self.emit().dup_top_two();
            self.emit().rot_two();
        } else {
            self.emit().dup_top();
            self.compile_node(range.end);
        }
        if self.range_step_value(range.step) >= 0 {
            self.emit().binary_op(BinaryOp::Less);
        } else {
            self.emit().binary_op(BinaryOp::More);
        }
        self.emit().pop_jump_if(true, top_label);

        self.end_break_continue_block(saved);

        let mut end_label = 0;
        if !orelse.is_empty() {
            self.emit().pop_top();
            if end_on_stack {
                self.emit().pop_top();
            }
            self.compile_suite(orelse);
            end_label = self.next_label();
            self.emit().jump(end_label);
            self.emit().adjust_stack_size(1 + i32::from(end_on_stack));
        }

        self.emit().label_assign(break_label);
        self.emit().pop_top();
        if end_on_stack {
            self.emit().pop_top();
        }
        if !orelse.is_empty() {
            self.emit().label_assign(end_label);
        }
    }
}
