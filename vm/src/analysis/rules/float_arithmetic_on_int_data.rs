//! MP107: float arithmetic on integer readings (ADC values, tick counts, byte values) inside a loop.

use rustc_hash::FxHashSet as HashSet;

use crate::analysis::codes::declare_rule;
use crate::analysis::diagnostic::Diagnostic;
use crate::analysis::rules::loops::{self, Ctx};
use crate::analysis::{Checker, Rule};
use crate::syntax::ast::*;

declare_rule! {
    /// ## What it does
    /// Finds float arithmetic (a float literal operand, or true division `/`) applied to integer data
    /// inside a loop: readings such as `adc.read_u16()`, `pin.value()`, `time.ticks_us()`, elements of a
    /// `bytes`/`bytearray`, or locals holding them.
    ///
    /// ## Why is this bad?
    /// On most boards a float is a heap object (or, on ports without a hardware FPU, computed in software):
    /// every float operation allocates, which costs time and eventually a garbage collection. Integer data
    /// can usually stay integer through the loop (scale to fixed point: millivolts instead of volts, `//`
    /// instead of `/`) and be converted to a float once, outside the loop or only for display.
    ///
    /// ## Example
    /// ```python
    /// def average(adc, n):
    ///     total = 0.0
    ///     for _ in range(n):
    ///         total += adc.read_u16() * 3.3 / 65535
    ///     return total / n
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// def average(adc, n):
    ///     total = 0
    ///     for _ in range(n):
    ///         total += adc.read_u16()
    ///     return total * 3.3 / 65535 / n
    /// ```
    ///
    /// There is no automatic fix: moving the conversion changes rounding, and where it belongs depends on
    /// what the loop computes.
    pub struct FloatArithmeticOnIntData;
}

/// Methods and functions that return integers read from hardware or clocks.
const INT_SOURCES: &[&str] = &[
    "read_u16", "read", "read_uv", "value", "ticks_ms", "ticks_us", "ticks_cpu", "ticks_diff", "ticks_add",
    "readblocks", "any", "ord", "len", "int",
];

fn is_int_source(e: &Expr, int_locals: &HashSet<&str>) -> bool {
    match &e.kind {
        ExprKind::Call { func, args, .. } => match &func.kind {
            ExprKind::Attribute { attr, .. } => INT_SOURCES.contains(&attr.as_str()) && (attr != "read" || args.is_empty()),
            ExprKind::Name(n) => matches!(n.as_str(), "ord" | "len" | "int"),
            _ => false,
        },
        ExprKind::Name(n) => int_locals.contains(n.as_str()),
        ExprKind::BinOp { left, op, right } if !matches!(op, BinOp::Div) => {
            (is_int_source(left, int_locals) || is_int_source(right, int_locals))
                && !is_float(left)
                && !is_float(right)
        }
        _ => false,
    }
}

fn is_float(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Const(Constant::Float(_)))
}

/// MP107
pub(crate) fn check(checker: &mut Checker) {
    let mut reports = Vec::new();
    for func in &checker.facts.functions {
        // Every diagnostic of a function lies inside it.
        if !checker.checks(func.stmt.range) {
            continue;
        }
        for lp in loops::outermost_loops(&func.def.body) {
            // Locals assigned from an integer source in the loop (`raw = adc.read_u16()`).
            let mut int_locals: HashSet<&str> = HashSet::default();
            loops::each_stmt_in_loop(lp, &mut |s| {
                if let StmtKind::Assign { targets, value } = &s.kind {
                    if let [Expr { kind: ExprKind::Name(n), .. }] = targets.as_slice() {
                        if is_int_source(value, &HashSet::default()) {
                            int_locals.insert(n);
                        }
                    }
                }
            });
            let mut reported: Vec<TextRange> = Vec::new();
            loops::each_expr_in_loop(lp, &mut |e, ctx| {
                if ctx != Ctx::Load || reported.iter().any(|r| r.start <= e.range.start && e.range.end <= r.end) {
                    return;
                }
                let ExprKind::BinOp { left, op, right } = &e.kind else { return };
                let floaty = is_float(left) || is_float(right) || matches!(op, BinOp::Div);
                let on_int = is_int_source(left, &int_locals) || is_int_source(right, &int_locals) || {
                    // `(reading * 3.3) / 65535`: the integer reading sits one level down.
                    [left, right].iter().any(|x| matches!(&x.kind, ExprKind::BinOp { left: l, right: r, .. } if is_int_source(l, &int_locals) || is_int_source(r, &int_locals)))
                };
                if floaty && on_int {
                    reported.push(e.range);
                    let message = "float arithmetic on integer data in a loop: every operation allocates a float; \
                                   keep integers in the loop and convert once"
                        .to_string();
                    reports.push(Diagnostic::new(Rule::FloatArithmeticOnIntData, e.range, message));
                }
            });
        }
    }
    for d in reports {
        checker.report(d);
    }
}
