//! MP106: slicing a `bytes`/`bytearray` inside a loop, which copies the slice every time.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::analysis::codes::declare_rule;
use crate::analysis::diagnostic::{Diagnostic, Edit, Fix};
use crate::analysis::rules::loops::{self, Ctx};
use crate::analysis::semantic::{self, Taken};
use crate::analysis::{text, visit, Checker, Rule};
use crate::syntax::ast::*;

declare_rule! {
    /// ## What it does
    /// Finds slices (`buf[a:b]`) of a `bytes` or `bytearray` taken inside a loop of a function.
    ///
    /// ## Why is this bad?
    /// Slicing a `bytes` or `bytearray` allocates a new object and copies the bytes, on every iteration.
    /// A `memoryview` of the buffer, made once before the loop, slices without copying: each slice is a
    /// small view object over the same memory.
    ///
    /// ## Example
    /// ```python
    /// def send(uart, buf):
    ///     data = bytearray(buf)
    ///     for i in range(0, len(data), 16):
    ///         uart.write(data[i:i + 16])
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// def send(uart, buf):
    ///     data = bytearray(buf)
    ///     data_mv = memoryview(data)
    ///     for i in range(0, len(data), 16):
    ///         uart.write(data_mv[i:i + 16])
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe. A slice of a `memoryview` is a view, not a copy: it is not equal to `bytes`, prints
    /// differently, and follows later changes of the buffer. The fix is offered only where the slice is
    /// passed straight to a call (`write`, `send`, `sum`, ...), and not inside interrupt handlers (a
    /// `memoryview` cannot be created there).
    pub struct BytesSliceInLoop;
}

/// True when `e` builds a `bytes` or `bytearray` object.
fn is_bytes_value(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(Constant::Bytes(_)) => true,
        ExprKind::Call { func, .. } => matches!(&func.kind, ExprKind::Name(n) if n == "bytes" || n == "bytearray"),
        _ => false,
    }
}

/// MP106
pub(crate) fn check(checker: &mut Checker) {
    let src = checker.source;
    let mut reports = Vec::new();
    // Module-level buffers bound once.
    let mut module_buffers = HashSet::default();
    for s in &checker.module.body {
        if let StmtKind::Assign { targets, value } = &s.kind {
            if let [Expr { kind: ExprKind::Name(n), .. }] = targets.as_slice() {
                if is_bytes_value(value) && checker.facts.is_bound_once(n) {
                    module_buffers.insert(n.clone());
                }
            }
        }
    }
    for func in &checker.facts.functions {
        // Every diagnostic of a function lies inside it.
        if !checker.checks(func.stmt.range) {
            continue;
        }
        let scope = checker.facts.scope_of(func);
        let mut buffers: HashSet<String> = HashSet::default();
        visit::for_each_stmt(&func.def.body, |s| {
            if let StmtKind::Assign { targets, value } = &s.kind {
                if let [Expr { kind: ExprKind::Name(n), .. }] = targets.as_slice() {
                    if is_bytes_value(value) && scope.single_binding(n).is_some() {
                        buffers.insert(n.clone());
                    }
                }
            }
        });
        for n in &module_buffers {
            if !scope.is_local(n) {
                buffers.insert(n.clone());
            }
        }
        if buffers.is_empty() {
            continue;
        }
        // Names the fixes' new locals must avoid (only when fixes are built).
        let mut taken = checker.wants_fixes().then(|| Taken::new(checker.module_names()));
        for lp in loops::outermost_loops(&func.def.body) {
            let mut slices: HashMap<&str, Vec<(TextRange, TextRange, bool)>> = HashMap::default();
            let mut order: Vec<&str> = Vec::new();
            let mut args: HashSet<TextRange> = HashSet::default();
            let mut rebound: HashSet<&str> = HashSet::default();
            loops::each_expr_in_loop(lp, &mut |e, ctx| match &e.kind {
                ExprKind::Call { args: a, .. } => args.extend(a.iter().map(|x| x.range)),
                ExprKind::Name(n) if ctx != Ctx::Load => {
                    rebound.insert(n);
                }
                ExprKind::Subscript { value, slice } if ctx == Ctx::Load && matches!(slice.kind, ExprKind::Slice { .. }) => {
                    if let ExprKind::Name(n) = &value.kind {
                        if buffers.contains(n) {
                            if !slices.contains_key(n.as_str()) {
                                order.push(n);
                            }
                            slices.entry(n).or_default().push((e.range, value.range, args.contains(&e.range)));
                        }
                    }
                }
                _ => {}
            });
            for name in order {
                if rebound.contains(name) {
                    continue;
                }
                let uses = &slices[name];
                let message = format!("slicing `{name}` copies the bytes on every iteration: slice a `memoryview` of it instead");
                let mut d = Diagnostic::new(Rule::BytesSliceInLoop, uses[0].0, message);
                let taken = taken.as_mut().filter(|_| uses.iter().all(|(_, _, is_arg)| *is_arg));
                if let Some(taken) = taken {
                    let mv = semantic::fresh_name(&format!("{name}_mv"), taken);
                    taken.insert(mv.clone());
                    let mut edits = vec![text::insert_before_stmt(src, lp, &[format!("{mv} = memoryview({name})")])];
                    edits.extend(uses.iter().map(|(_, base, _)| Edit::replace(*base, mv.clone())));
                    d = d.with_fix(Fix::unsafe_edits(format!("Slice a `memoryview` of `{name}` made before the loop"), edits));
                }
                reports.push(d);
            }
        }
    }
    for d in reports {
        checker.report(d);
    }
}
