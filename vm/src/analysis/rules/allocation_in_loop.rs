//! MP108: heap allocation repeated in a loop: `read()` instead of `readinto()`, strings built with `+=`,
//! lists grown without bound; and long-running loops that allocate without a deliberate `gc.collect()`.

use crate::analysis::codes::declare_rule;
use crate::analysis::diagnostic::{Diagnostic, Edit, Fix};
use crate::analysis::rules::loops::{self, Ctx};
use crate::analysis::{text, Checker, Rule};
use crate::syntax::ast::*;

declare_rule! {
    /// ## What it does
    /// Finds allocations repeated on every iteration of a loop:
    /// - `data = stream.read(n)` (or `recv`, `readline`), which allocates a new buffer each time where
    ///   `stream.readinto(buf)` fills a buffer allocated once;
    /// - strings built piece by piece with `s += ...`, which copies the whole string each time;
    /// - lists grown with `append` inside a `while` loop, which reallocates the list as it grows;
    ///
    /// and `while` loops that allocate but never call `gc.collect()`.
    ///
    /// ## Why is this bad?
    /// Every allocation takes time, fragments the heap, and sooner or later triggers a garbage collection
    /// at a moment the program does not choose (MicroPython's speed guide: "create objects once and don't
    /// grow them"). In a long-running loop, a deliberate `gc.collect()` at a quiet point keeps each
    /// collection short (about a millisecond when done often) and puts the pause where it does no harm.
    ///
    /// ## Example
    /// ```python
    /// while True:
    ///     line = uart.readline()
    ///     log += line
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// import gc
    ///
    /// buf = bytearray(64)
    /// while True:
    ///     n = uart.readinto(buf)
    ///     handle(buf, n)
    ///     gc.collect()
    /// ```
    ///
    /// ## Fix safety
    /// Only the `gc.collect()` insertion has a fix (at the end of the loop body, with `import gc`). It is
    /// unsafe: it does not change what the program computes, but it adds a collection to every iteration,
    /// which costs time in a tight loop. The other findings need restructuring and have no fix.
    pub struct AllocationInLoop;
}

/// MP108
pub(crate) fn check(checker: &mut Checker) {
    let mut loops_to_check: Vec<&Stmt> = loops::outermost_loops(&checker.module.body);
    for f in &checker.facts.functions {
        loops_to_check.extend(loops::outermost_loops(&f.def.body));
    }
    // Every diagnostic of a loop lies inside it.
    loops_to_check.retain(|lp| checker.checks(lp.range));
    let mut reports = Vec::new();
    for lp in loops_to_check {
        let mut allocates = false;
        let mut collects = false;
        let mut str_names: Vec<&str> = Vec::new();
        loops::each_stmt_in_loop(lp, &mut |s| {
            if let StmtKind::Assign { targets, value } = &s.kind {
                if let (ExprKind::Const(Constant::Str { .. }), [Expr { kind: ExprKind::Name(n), .. }]) =
                    (&value.kind, targets.as_slice())
                {
                    str_names.push(n);
                }
            }
        });
        loops::each_stmt_in_loop(lp, &mut |s| {
            if let StmtKind::AugAssign { target, op: BinOp::Add, value } = &s.kind {
                let is_str = matches!(value.kind, ExprKind::Const(Constant::Str { .. }))
                    || matches!(&value.kind, ExprKind::Call { func, .. } if matches!(&func.kind, ExprKind::Name(n) if n == "str"))
                    || matches!(&target.kind, ExprKind::Name(n) if str_names.contains(&n.as_str()));
                if is_str && matches!(target.kind, ExprKind::Name(_)) {
                    allocates = true;
                    reports.push(Diagnostic::new(
                        Rule::AllocationInLoop,
                        s.range,
                        "building a string with `+=` copies it on every iteration: collect the parts and \
                         `''.join()` them once, or write into a preallocated `bytearray`",
                    ));
                }
            }
        });
        let is_while = matches!(lp.kind, StmtKind::While { .. });
        loops::each_expr_in_loop(lp, &mut |e, ctx| {
            if ctx != Ctx::Load {
                return;
            }
            match &e.kind {
                ExprKind::Call { func, args, .. } => {
                    let dotted = loops::dotted(func);
                    if dotted.as_deref() == Some("gc.collect") {
                        collects = true;
                    }
                    let ExprKind::Attribute { attr, .. } = &func.kind else { return };
                    match attr.as_str() {
                        "read" | "recv" | "readline" if !(attr == "read" && args.is_empty()) || attr == "readline" => {
                            allocates = true;
                            reports.push(Diagnostic::new(
                                Rule::AllocationInLoop,
                                e.range,
                                format!(
                                    "`.{attr}()` allocates a new buffer on every iteration: preallocate a `bytearray` \
                                     before the loop and use `.readinto(buf)`"
                                ),
                            ));
                        }
                        "append" if is_while => {
                            allocates = true;
                            reports.push(Diagnostic::new(
                                Rule::AllocationInLoop,
                                e.range,
                                "the list grows on every iteration of this `while` loop: preallocate it, or bound it \
                                 (a ring buffer)",
                            ));
                        }
                        "format" | "join" | "split" | "decode" | "encode" => allocates = true,
                        _ => {}
                    }
                }
                ExprKind::List(_) | ExprKind::Dict { .. } | ExprKind::ListComp { .. } | ExprKind::DictComp { .. } => {
                    allocates = true;
                }
                _ => {}
            }
        });
        if is_while && allocates && !collects {
            reports.extend(gc_point(checker, lp));
        }
    }
    for d in reports {
        checker.report(d);
    }
}

/// The diagnostic on a `while` loop that allocates without collecting, with the `gc.collect()` fix.
fn gc_point(checker: &Checker, lp: &Stmt) -> Option<Diagnostic> {
    let src = checker.source;
    let StmtKind::While { body, .. } = &lp.kind else { return None };
    let keyword = TextRange::new(lp.range.start, lp.range.start + 5);
    let mut d = Diagnostic::new(
        Rule::AllocationInLoop,
        keyword,
        "this loop allocates on every iteration but never collects: add a deliberate `gc.collect()` point",
    );
    if let (Some(first), Some(last), true) = (body.first(), body.last(), checker.wants_fixes()) {
        let indent = text::indentation_at(src, first.range.start);
        let nl = text::newline(src);
        let at = text::next_line_start(src, last.range.end);
        let mut line = format!("{indent}gc.collect(){nl}");
        if at as usize == src.len() && !src.ends_with('\n') && !src.ends_with('\r') {
            line.insert_str(0, nl);
        }
        let mut edits = vec![Edit::insert(at, line)];
        if !checker.imports().has_import("gc") {
            edits.push(text::add_import(src, checker.module, "import gc"));
        }
        d = d.with_fix(Fix::unsafe_edits("Call `gc.collect()` at the end of every iteration", edits));
    }
    Some(d)
}
