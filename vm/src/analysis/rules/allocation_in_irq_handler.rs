//! MP105: heap allocation inside a function registered as an interrupt handler with `.irq(...)`.

use crate::analysis::codes::declare_rule;
use crate::analysis::diagnostic::Diagnostic;
use crate::analysis::semantic::FunctionRef;
use crate::analysis::visit::{self, walk_expr, Visitor};
use crate::analysis::{Checker, Rule};
use crate::syntax::ast::*;

declare_rule! {
    /// ## What it does
    /// Finds code that allocates heap memory inside an interrupt handler: a function (or method, or lambda)
    /// passed as the handler of `.irq(...)`, unless the call says `hard=False`.
    ///
    /// ## Why is this bad?
    /// A hard interrupt handler runs while the heap may be locked (in the middle of a collection or of
    /// another allocation). MicroPython then refuses the allocation and raises `MemoryError` inside the
    /// handler. Building lists, dicts or non-constant tuples, formatting or concatenating strings, float
    /// arithmetic, slicing, growing a list, creating a bound method (`self.method` without calling it)
    /// and raising a new exception all allocate.
    ///
    /// ## Example
    /// ```python
    /// events = []
    ///
    /// def on_edge(pin):
    ///     events.append(pin.value())
    ///
    /// button.irq(handler=on_edge, trigger=Pin.IRQ_FALLING, hard=True)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// count = 0
    ///
    /// def on_edge(pin):
    ///     global count
    ///     count += 1
    ///
    /// button.irq(handler=on_edge, trigger=Pin.IRQ_FALLING, hard=True)
    /// ```
    /// Preallocate buffers outside the handler and write into them by index, keep the bound method in an
    /// attribute created in `__init__`, or hand the work to `micropython.schedule()`.
    ///
    /// There is no automatic fix: the right restructuring depends on the program.
    pub struct AllocationInIrqHandler;
}

/// MP105
pub(crate) fn check(checker: &mut Checker) {
    let mut reports = Vec::new();
    let functions = &checker.facts.functions;
    visit::for_each_expr(&checker.module.body, |e| {
        let ExprKind::Call { func, args, keywords } = &e.kind else { return };
        let ExprKind::Attribute { attr, .. } = &func.kind else { return };
        if attr != "irq" {
            return;
        }
        let soft = keywords.iter().any(|k| {
            k.arg.as_deref() == Some("hard") && matches!(k.value.kind, ExprKind::Const(Constant::False | Constant::None))
                || matches!(&k.value.kind, ExprKind::Const(Constant::Int(v)) if k.arg.as_deref() == Some("hard") && *v == 0.into())
        });
        if soft {
            return;
        }
        let handler = keywords.iter().find(|k| k.arg.as_deref() == Some("handler")).map(|k| &k.value).or(args.first());
        let Some(handler) = handler else { return };
        let line = e.line;
        match &handler.kind {
            ExprKind::Lambda { body, .. } => {
                scan_expr(body, "lambda", line, None, &mut reports);
            }
            ExprKind::Name(n) => {
                if let Some(f) = find_function(functions, n, None, e.range) {
                    scan_function(f, line, &mut reports);
                }
            }
            ExprKind::Attribute { value, attr } if matches!(&value.kind, ExprKind::Name(s) if s == "self") => {
                let class = enclosing_class(functions, e.range);
                if let Some(f) = find_function(functions, attr, class, e.range) {
                    scan_function(f, line, &mut reports);
                }
            }
            _ => {}
        }
    });
    reports.sort_by_key(|d: &Diagnostic| (d.range.start, d.range.end));
    reports.dedup_by_key(|d| d.range);
    for d in reports {
        checker.report(d);
    }
}

fn enclosing_class<'a>(functions: &[FunctionRef<'a>], at: TextRange) -> Option<&'a ClassDef> {
    functions
        .iter()
        .filter(|f| f.stmt.range.start <= at.start && at.end <= f.stmt.range.end)
        .rev()
        .find_map(|f| f.class)
}

/// The handler definition: a method of `class` when given, else a function with that name (the last one
/// defined before the call, or any).
fn find_function<'a>(fs: &[FunctionRef<'a>], name: &str, class: Option<&ClassDef>, at: TextRange) -> Option<FunctionRef<'a>> {
    let candidates: Vec<&FunctionRef> = fs
        .iter()
        .filter(|f| f.def.name == name)
        .filter(|f| match class {
            Some(c) => f.class.is_some_and(|fc| std::ptr::eq(fc, c)),
            None => f.class.is_none(),
        })
        .collect();
    candidates.iter().rev().find(|f| f.stmt.range.start < at.start).or(candidates.first()).map(|f| **f)
}

fn scan_function(f: FunctionRef, line: u32, out: &mut Vec<Diagnostic>) {
    let methods: Vec<&str> = f
        .class
        .map(|c| {
            c.body
                .iter()
                .filter_map(|s| match &s.kind {
                    StmtKind::FunctionDef(d) => Some(d.name.as_str()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let what = format!("`{}`", f.def.name);
    let mut v = Scan { handler: &what, line, methods: &methods, out, callees: Vec::new(), targets: Vec::new() };
    for s in &f.def.body {
        v.visit_stmt(s);
    }
}

fn scan_expr(e: &Expr, handler: &str, line: u32, methods: Option<&[&str]>, out: &mut Vec<Diagnostic>) {
    let mut v = Scan { handler, line, methods: methods.unwrap_or(&[]), out, callees: Vec::new(), targets: Vec::new() };
    v.visit_expr(e);
}

struct Scan<'s> {
    handler: &'s str,
    line: u32,
    methods: &'s [&'s str],
    out: &'s mut Vec<Diagnostic>,
    /// Ranges of expressions being called (an attribute there is a method call, not a bound method).
    callees: Vec<TextRange>,
    /// Assignment targets, and tuples on the right of a small swap (`a, b = b, a`), which the compiler
    /// does without building a tuple.
    targets: Vec<TextRange>,
}

impl Scan<'_> {
    fn report(&mut self, range: TextRange, what: &str) {
        let message = format!(
            "{what} allocates on the heap inside interrupt handler {} (registered with `.irq()` on line {}): \
             it raises MemoryError when the heap is locked",
            self.handler, self.line
        );
        self.out.push(Diagnostic::new(Rule::AllocationInIrqHandler, range, message));
    }
}

const ALLOCATING_BUILTINS: &[&str] = &[
    "str", "list", "dict", "set", "tuple", "bytes", "bytearray", "float", "repr", "hex", "bin", "oct", "sorted",
    "map", "filter", "zip", "enumerate", "range", "memoryview", "frozenset", "reversed", "complex",
];

const ALLOCATING_METHODS: &[&str] = &[
    "append", "extend", "insert", "split", "join", "encode", "decode", "format", "copy", "upper", "lower",
    "replace", "strip", "read", "readline", "items", "keys", "values",
];

fn is_str(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Const(Constant::Str { .. }))
}

fn is_const(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(_) => true,
        ExprKind::Tuple { elts, .. } => elts.iter().all(is_const),
        ExprKind::UnaryOp { operand, .. } => is_const(operand),
        _ => false,
    }
}

impl<'a> Visitor<'a> for Scan<'_> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(_) => self.report(s.range, "defining a nested function"),
            StmtKind::ClassDef(_) => self.report(s.range, "defining a class"),
            StmtKind::Raise { exc: Some(e), .. } if matches!(e.kind, ExprKind::Call { .. }) => {
                self.report(e.range, "creating an exception");
                visit::walk_stmt(self, s);
            }
            StmtKind::Assign { targets, value } => {
                self.targets.extend(targets.iter().map(|t| t.range));
                if let (ExprKind::Tuple { elts: rhs, .. }, [Expr { kind: ExprKind::Tuple { elts: lhs, .. }, .. }]) =
                    (&value.kind, targets.as_slice())
                {
                    if rhs.len() == lhs.len() && rhs.len() <= 3 {
                        self.targets.push(value.range);
                    }
                }
                visit::walk_stmt(self, s);
            }
            StmtKind::For { target, .. } => {
                self.targets.push(target.range);
                visit::walk_stmt(self, s);
            }
            StmtKind::With { items, .. } => {
                self.targets.extend(items.iter().filter_map(|i| i.vars.as_ref()).map(|v| v.range));
                visit::walk_stmt(self, s);
            }
            _ => visit::walk_stmt(self, s),
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::List(_) => self.report(e.range, "building a list"),
            ExprKind::Dict { .. } => self.report(e.range, "building a dict"),
            ExprKind::Set(_) => self.report(e.range, "building a set"),
            ExprKind::Tuple { .. } if !is_const(e) && !self.targets.contains(&e.range) => {
                self.report(e.range, "building a tuple")
            }
            ExprKind::ListComp { .. } | ExprKind::SetComp { .. } | ExprKind::DictComp { .. } | ExprKind::GeneratorExp { .. } => {
                self.report(e.range, "a comprehension");
                return;
            }
            ExprKind::Lambda { .. } => {
                self.report(e.range, "creating a lambda");
                return;
            }
            ExprKind::BinOp { left, op, right } => {
                if matches!(op, BinOp::Add) && (is_str(left) || is_str(right)) {
                    self.report(e.range, "string concatenation");
                } else if matches!(op, BinOp::Mod) && is_str(left) {
                    self.report(e.range, "string formatting");
                } else if matches!(op, BinOp::Div) {
                    self.report(e.range, "true division (it makes a float)");
                } else if [left, right].iter().any(|x| matches!(x.kind, ExprKind::Const(Constant::Float(_)))) {
                    self.report(e.range, "float arithmetic");
                }
            }
            ExprKind::Subscript { slice, .. } if matches!(slice.kind, ExprKind::Slice { .. }) => {
                self.report(e.range, "slicing");
            }
            ExprKind::Call { func, .. } => {
                self.callees.push(func.range);
                match &func.kind {
                    ExprKind::Name(n) if ALLOCATING_BUILTINS.contains(&n.as_str()) => {
                        self.report(e.range, &format!("`{n}()`"));
                    }
                    ExprKind::Attribute { attr, .. } if ALLOCATING_METHODS.contains(&attr.as_str()) => {
                        self.report(e.range, &format!("`.{attr}()`"));
                    }
                    _ => {}
                }
            }
            ExprKind::Attribute { value, attr }
                if matches!(&value.kind, ExprKind::Name(s) if s == "self")
                    && self.methods.contains(&attr.as_str())
                    && !self.callees.contains(&e.range) =>
            {
                self.report(e.range, &format!("creating the bound method `self.{attr}`"));
            }
            _ => {}
        }
        walk_expr(self, e);
    }
}
