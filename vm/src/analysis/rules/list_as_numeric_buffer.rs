//! MP102: a list used only as a buffer of integers, where an `array` or a `bytearray` would do.

use num_traits::ToPrimitive;

use crate::analysis::codes::declare_rule;
use crate::analysis::diagnostic::{Diagnostic, Edit, Fix};
use crate::analysis::semantic::{BindingKind, ScopeFacts};
use crate::analysis::visit::{self, walk_expr, walk_stmt, Visitor};
use crate::analysis::{text, Checker, Rule};
use crate::syntax::ast::*;

declare_rule! {
    /// ## What it does
    /// Finds lists that only ever hold integers and are used only element by element: built as `[0] * n`,
    /// as a literal of integers, or as `[]` grown with `append` of integers, and then only indexed,
    /// iterated, measured with `len` or summed.
    ///
    /// ## Why is this bad?
    /// A list stores a pointer to an object per element (4 or 8 bytes, and more for integers that do not fit
    /// a small int). An `array('i')` stores 4 bytes per element and a `bytearray` one byte, in one
    /// contiguous block. That saves RAM and heap fragmentation, and lets `@micropython.viper` code walk
    /// the buffer through a `ptr8`/`ptr32` without any object access. In plain bytecode the element access
    /// is about as fast as a list's, so the gain is memory, and speed once the code is compiled with viper.
    ///
    /// ## Example
    /// ```python
    /// counts = [0] * 16
    /// for b in data:
    ///     counts[b & 15] += 1
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// from array import array
    ///
    /// counts = array('i', [0] * 16)
    /// for b in data:
    ///     counts[b & 15] += 1
    /// ```
    ///
    /// ## Fix safety
    /// Always unsafe: the analysis cannot prove the range of every value stored. An `array('i')` holds
    /// signed 32-bit values and a `bytearray` 0 to 255; a value outside the range is truncated or raises,
    /// where the list would have kept it. `bytearray` is chosen only when every value written is a literal
    /// in 0..=255 or masked with `& 0xff`.
    pub struct ListAsNumericBuffer;
}

/// How the list is first built.
enum Origin<'a> {
    /// `[c] * n` or `n * [c]`.
    Repeat { fill: i64, count: &'a Expr },
    /// `[1, 2, 3]`.
    Literal(Vec<i64>),
    /// `[]` grown by `append`.
    Empty,
}

/// MP102
pub(crate) fn check(checker: &mut Checker) {
    let module = checker.module;
    let mut found = Vec::new();
    // Module scope: uses anywhere in the file.
    candidates(&module.body, &checker.facts.scope, &module.body, &mut found);
    for f in &checker.facts.functions {
        // Every diagnostic of a function lies inside it.
        if !checker.checks(f.stmt.range) {
            continue;
        }
        let scope = checker.facts.scope_of(f);
        candidates(&f.def.body, &scope, &f.def.body, &mut found);
    }
    for (name, name_range, value, origin, uses) in found {
        let byte_ok = uses.byte_values && origin_fits_byte(&origin);
        let Some(kind) = buffer_kind(&origin, byte_ok) else { continue };
        let target = if byte_ok { "`bytearray`" } else { "`array('i')`" };
        let article = if byte_ok { "a" } else { "an" };
        let message = format!("list `{name}` only holds integers: {article} {target} stores them in a compact buffer");
        let mut d = Diagnostic::new(Rule::ListAsNumericBuffer, name_range, message);
        let fix_possible = kind != "array" || array_name_free(checker);
        if fix_possible && checker.wants_fixes() {
            let mut edits = vec![Edit::replace(value.range, replacement(checker, value, &origin, byte_ok))];
            if kind == "array" && !checker.imports().has_from_import("array", "array") && !checker.imports().has_import("array") {
                edits.push(text::add_import(checker.source, module, "from array import array"));
            }
            d = d.with_fix(Fix::unsafe_edits(format!("Convert `{name}` to {target}"), edits));
        }
        checker.report(d);
    }
}

type Found<'a> = (&'a str, TextRange, &'a Expr, Origin<'a>, Uses);

fn candidates<'a>(body: &'a [Stmt], scope: &ScopeFacts, region: &'a [Stmt], out: &mut Vec<Found<'a>>) {
    for s in body {
        let stmts: Vec<&Stmt> = flatten_blocks(s);
        for s in stmts {
            let StmtKind::Assign { targets, value } = &s.kind else { continue };
            let [Expr { kind: ExprKind::Name(name), range, .. }] = targets.as_slice() else { continue };
            if !matches!(scope.single_binding(name), Some(b) if matches!(b.kind, BindingKind::Assign { .. })) {
                continue;
            }
            let Some(origin) = origin(value) else { continue };
            let uses = uses_of(name, region);
            if !uses.all_recognised {
                continue;
            }
            let worth = match &origin {
                Origin::Repeat { .. } => true,
                Origin::Literal(v) => v.len() >= 4 || uses.writes,
                Origin::Empty => uses.appends > 0 && uses.appends_ints,
            };
            if worth {
                out.push((name, *range, value, origin, uses));
            }
        }
    }
}

/// The statement and the statements nested in its blocks (same scope: not into `def`/`class`).
fn flatten_blocks(s: &Stmt) -> Vec<&Stmt> {
    let mut out = vec![s];
    fn push_all<'a>(b: &'a [Stmt], out: &mut Vec<&'a Stmt>) {
        for x in b {
            out.extend(flatten_blocks(x));
        }
    }
    match &s.kind {
        StmtKind::If { body, orelse, .. } | StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
            push_all(body, &mut out);
            push_all(orelse, &mut out);
        }
        StmtKind::With { body, .. } => push_all(body, &mut out),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            push_all(body, &mut out);
            for h in handlers {
                push_all(&h.body, &mut out);
            }
            push_all(orelse, &mut out);
            push_all(finalbody, &mut out);
        }
        _ => {}
    }
    out
}

fn int_literal(e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Const(Constant::Int(v)) => v.to_i64(),
        ExprKind::UnaryOp { op: UnaryOp::USub, operand } => match &operand.kind {
            ExprKind::Const(Constant::Int(v)) => v.to_i64().map(|x| -x),
            _ => None,
        },
        _ => None,
    }
}

fn origin(value: &Expr) -> Option<Origin<'_>> {
    match &value.kind {
        ExprKind::BinOp { left, op: BinOp::Mult, right } => {
            let (list, count) = match (&left.kind, &right.kind) {
                (ExprKind::List(_), _) => (left, right),
                (_, ExprKind::List(_)) => (right, left),
                _ => return None,
            };
            let ExprKind::List(elts) = &list.kind else { return None };
            let [one] = elts.as_slice() else { return None };
            let fill = int_literal(one)?;
            if matches!(count.kind, ExprKind::List(_)) {
                return None;
            }
            Some(Origin::Repeat { fill, count })
        }
        ExprKind::List(elts) if elts.is_empty() => Some(Origin::Empty),
        ExprKind::List(elts) => elts.iter().map(int_literal).collect::<Option<Vec<_>>>().map(Origin::Literal),
        _ => None,
    }
}

fn origin_fits_byte(o: &Origin) -> bool {
    let byte = |v: i64| (0..=255).contains(&v);
    match o {
        Origin::Repeat { fill, .. } => byte(*fill),
        Origin::Literal(vs) => vs.iter().all(|v| byte(*v)),
        Origin::Empty => true,
    }
}

/// Which type the list becomes (`"array"` or `"bytearray"`), or `None` when its values do not fit an
/// `array('i')` (the rule then stays silent).
fn buffer_kind(origin: &Origin, byte: bool) -> Option<&'static str> {
    let fits_i32 = |v: i64| i32::try_from(v).is_ok();
    match origin {
        _ if byte => Some("bytearray"),
        Origin::Repeat { fill, .. } => fits_i32(*fill).then_some("array"),
        Origin::Literal(vs) => vs.iter().all(|v| fits_i32(*v)).then_some("array"),
        Origin::Empty => Some("array"),
    }
}

/// The replacement text for the list expression (of the type [`buffer_kind`] chose).
fn replacement(checker: &Checker, value: &Expr, origin: &Origin, byte: bool) -> String {
    let src = checker.source;
    let array = if checker.imports().has_import("array") && !checker.imports().has_from_import("array", "array") {
        "array.array"
    } else {
        "array"
    };
    match origin {
        Origin::Repeat { fill, count } => {
            let bare = text::slice(src, count.range);
            let n = if needs_parens(count) { format!("({bare})") } else { bare.to_string() };
            match (byte, *fill) {
                (true, 0) => format!("bytearray({bare})"),
                (true, _) => format!("bytearray([{fill}] * {n})"),
                (false, _) => format!("{array}('i', [{fill}] * {n})"),
            }
        }
        Origin::Literal(_) => {
            let list = text::slice(src, value.range);
            if byte {
                format!("bytearray({list})")
            } else {
                format!("{array}('i', {list})")
            }
        }
        Origin::Empty if byte => "bytearray()".to_string(),
        Origin::Empty => format!("{array}('i')"),
    }
}

fn needs_parens(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::BinOp { .. } | ExprKind::BoolOp { .. } | ExprKind::IfExp { .. } | ExprKind::Lambda { .. } | ExprKind::Compare { .. }
    )
}

/// `array` can be imported under its own name: nothing else in the file is called `array`.
fn array_name_free(checker: &Checker) -> bool {
    if checker.imports().has_from_import("array", "array") || checker.imports().has_import("array") {
        return true;
    }
    !checker.module_names().contains("array")
}

/// How a name is used in a region of code.
#[derive(Debug, Default)]
struct Uses {
    total: usize,
    recognised: usize,
    all_recognised: bool,
    appends: usize,
    /// Every appended value is an integer expression.
    appends_ints: bool,
    /// Elements are assigned (`buf[i] = v`, `buf[i] += v`).
    writes: bool,
    /// Every value written or appended is provably a byte (literal in 0..=255, or masked with `& 0xff`).
    byte_values: bool,
}

fn uses_of(name: &str, region: &[Stmt]) -> Uses {
    struct V<'n> {
        name: &'n str,
        u: Uses,
    }
    impl V<'_> {
        fn is_name(&self, e: &Expr) -> bool {
            matches!(&e.kind, ExprKind::Name(n) if n == self.name)
        }
        fn element_of_name(&self, e: &Expr) -> bool {
            matches!(&e.kind, ExprKind::Subscript { value, slice } if self.is_name(value) && !matches!(slice.kind, ExprKind::Slice { .. }))
        }
        fn written(&mut self, v: Option<&Expr>) {
            self.u.writes = true;
            if !v.is_some_and(is_byte_expr) {
                self.u.byte_values = false;
            }
        }
    }
    impl<'a> Visitor<'a> for V<'_> {
        fn visit_stmt(&mut self, s: &'a Stmt) {
            match &s.kind {
                StmtKind::Assign { targets, value } => {
                    for t in targets {
                        if self.is_name(t) {
                            self.u.recognised += 1;
                        } else if self.element_of_name(t) {
                            self.written(Some(value));
                        }
                    }
                }
                StmtKind::AugAssign { target, .. } if self.element_of_name(target) => self.written(None),
                StmtKind::For { iter, .. } if self.is_name(iter) => self.u.recognised += 1,
                _ => {}
            }
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &'a Expr) {
            match &e.kind {
                ExprKind::Name(n) if n == self.name => self.u.total += 1,
                ExprKind::Subscript { .. } if self.element_of_name(e) => self.u.recognised += 1,
                ExprKind::Call { func, args, keywords } if keywords.is_empty() && args.len() == 1 => {
                    match &func.kind {
                        ExprKind::Name(f) if matches!(f.as_str(), "len" | "sum" | "min" | "max") && self.is_name(&args[0]) => {
                            self.u.recognised += 1;
                        }
                        ExprKind::Attribute { value, attr } if attr == "append" && self.is_name(value) => {
                            self.u.recognised += 1;
                            self.u.appends += 1;
                            if !is_int_expr(&args[0]) {
                                self.u.appends_ints = false;
                            }
                            if !is_byte_expr(&args[0]) {
                                self.u.byte_values = false;
                            }
                        }
                        _ => {}
                    }
                }
                ExprKind::ListComp { generators, .. }
                | ExprKind::SetComp { generators, .. }
                | ExprKind::GeneratorExp { generators, .. }
                | ExprKind::DictComp { generators, .. } => {
                    for g in generators {
                        if self.is_name(&g.iter) {
                            self.u.recognised += 1;
                        }
                    }
                }
                _ => {}
            }
            walk_expr(self, e);
        }
    }
    let mut v = V { name, u: Uses { appends_ints: true, byte_values: true, ..Uses::default() } };
    visit::walk_body(&mut v, region);
    v.u.all_recognised = v.u.total == v.u.recognised;
    v.u
}

/// An expression that evaluates to an int whenever its operands are ints (no `/`, no floats).
fn is_int_expr(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(Constant::Int(_)) | ExprKind::Name(_) | ExprKind::Subscript { .. } => true,
        ExprKind::UnaryOp { op: UnaryOp::USub | UnaryOp::Invert | UnaryOp::UAdd, operand } => is_int_expr(operand),
        ExprKind::BinOp { left, op, right } => !matches!(op, BinOp::Div | BinOp::Pow | BinOp::MatMult) && is_int_expr(left) && is_int_expr(right),
        ExprKind::Call { func, .. } => matches!(&func.kind, ExprKind::Name(f) if matches!(f.as_str(), "int" | "len" | "ord")),
        _ => false,
    }
}

/// An expression whose value is provably in 0..=255: a literal in range, `x & m` with `0 <= m <= 255`,
/// or `ord()` of a byte string element.
fn is_byte_expr(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(Constant::Int(v)) => v.to_i64().is_some_and(|v| (0..=255).contains(&v)),
        ExprKind::BinOp { left, op: BinOp::BitAnd, right } => {
            [left, right].iter().any(|x| matches!(&x.kind, ExprKind::Const(Constant::Int(v)) if v.to_i64().is_some_and(|v| (0..=255).contains(&v))))
        }
        _ => false,
    }
}
