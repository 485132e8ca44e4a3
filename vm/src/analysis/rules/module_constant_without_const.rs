//! MP101: a module-level integer constant assigned without `const()`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::analysis::codes::declare_rule;
use crate::analysis::diagnostic::{Diagnostic, Edit, Fix};
use crate::analysis::semantic::{self, BindingKind};
use crate::analysis::{text, visit, Checker, Rule};
use crate::syntax::ast::*;

declare_rule! {
    /// ## What it does
    /// Finds module-level names bound once to an integer constant without `const()`.
    ///
    /// ## Why is this bad?
    /// Every use of a plain global is a dictionary lookup at run time. Wrapped in `const()`, the value is
    /// substituted by the compiler wherever the name is used after its definition, so the lookup disappears.
    /// A name that starts with an underscore is not even stored in the module's globals, which saves RAM.
    ///
    /// ## Example
    /// ```python
    /// LED_PIN = 25
    /// PERIOD_MS = 100 * 5
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// from micropython import const
    ///
    /// LED_PIN = const(25)
    /// PERIOD_MS = const(100 * 5)
    /// ```
    ///
    /// ## Fix safety
    /// Wrapping a public name in `const()` is safe: the name stays in the module, so `module.NAME` and
    /// `from module import NAME` still work. For a private name (leading `_`) the global disappears, so the
    /// fix is safe only when every use comes after the definition in the file; otherwise it is unsafe.
    /// Renaming a public name to `_NAME` (the second fix) changes the module's interface and is unsafe.
    pub struct ModuleConstantWithoutConst;
}

/// MP101
pub(crate) fn check(checker: &mut Checker) {
    let module = checker.module;
    let src = checker.source;
    // Names whose value is a compile-time integer, in definition order (they may be used in later consts).
    let mut known_const: HashSet<&str> = HashSet::default();
    collect_existing_consts(module, &mut known_const);
    // Where each candidate is used (for the rename fix only).
    let uses = checker.wants_fixes().then(|| name_uses(module, &candidate_names(module)));
    // The rename is suggested only when `_name` is free. Building fixes needs every name of the module
    // (shared with the other rules); the message alone only the names that start with `_` (fewer to keep).
    let underscored;
    let taken = if checker.wants_fixes() {
        checker.module_names()
    } else {
        underscored = semantic::all_names_where(&module.body, |n| n.starts_with('_'));
        &underscored
    };
    let mut reports = Vec::new();
    let has_const_import = checker.imports().has_from_import("micropython", "const");
    let const_bound_otherwise = checker.facts.scope.bindings.get("const").is_some_and(|bs| {
        bs.iter().any(|b| b.kind != BindingKind::FromImport { module: "micropython".into(), name: "const".into() })
    });
    for s in &module.body {
        let StmtKind::Assign { targets, value } = &s.kind else { continue };
        let [Expr { kind: ExprKind::Name(name), range: name_range, .. }] = targets.as_slice() else { continue };
        if !is_const_int_expr(value, &known_const) || !checker.facts.is_bound_once(name) {
            continue;
        }
        known_const.insert(name);
        if is_already_const_call(value) || const_bound_otherwise {
            continue;
        }
        let private = name.starts_with('_');
        let new_name = (!private).then(|| format!("_{name}")).filter(|n| !taken.contains(n.as_str()));
        let mut message = format!("`{name}` is an integer constant: wrap its value in `const()`");
        if let Some(new_name) = &new_name {
            message.push_str(&format!(" (and rename it `{new_name}` if no other module imports it)"));
        }
        let mut d = Diagnostic::new(Rule::ModuleConstantWithoutConst, *name_range, String::new());
        if checker.wants_fixes() {
            let value_text = text::slice(src, value.range);
            let mut edits = vec![Edit::replace(value.range, format!("const({value_text})"))];
            if !has_const_import {
                edits.push(text::add_import(src, module, "from micropython import const"));
            }
            let name_uses = uses.as_ref().and_then(|u| u.get(name.as_str())).map_or(&[][..], Vec::as_slice).iter().filter(|r| *r != name_range);
            let all_after = name_uses.clone().all(|r| r.start >= s.range.end);
            let title = format!("Wrap `{name}` in `const()`");
            let fix = if !private || all_after {
                Fix::safe_edits(title, edits.clone())
            } else {
                Fix::unsafe_edits(title, edits.clone())
            };
            d = d.with_fix(fix);
            if let Some(new_name) = &new_name {
                let mut rename = edits;
                rename.push(Edit::replace(*name_range, new_name.clone()));
                for r in name_uses {
                    rename.push(Edit::replace(*r, new_name.clone()));
                }
                let title = format!("Rename to `{new_name}` and wrap in `const()` (saves RAM)");
                d = d.with_fix(Fix::unsafe_edits(title, rename));
            }
        }
        d.message = message;
        reports.push(d);
    }
    for d in reports {
        checker.report(d);
    }
}

/// Names already bound to `const(...)` at module level.
fn collect_existing_consts<'a>(module: &'a Module, out: &mut HashSet<&'a str>) {
    for s in &module.body {
        if let StmtKind::Assign { targets, value } = &s.kind {
            if let [Expr { kind: ExprKind::Name(n), .. }] = targets.as_slice() {
                if is_already_const_call(value) {
                    out.insert(n);
                }
            }
        }
    }
}

fn is_already_const_call(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call { func, .. } if matches!(&func.kind, ExprKind::Name(n) if n == "const"))
}

/// True for an expression MicroPython folds to an integer at compile time: integer literals (small enough to
/// be a small int on every port), other constants, and arithmetic on them.
fn is_const_int_expr(e: &Expr, consts: &HashSet<&str>) -> bool {
    match &e.kind {
        ExprKind::Const(Constant::Int(v)) => {
            let bits = v.bits();
            bits < 30
        }
        ExprKind::Name(n) => consts.contains(n.as_str()),
        ExprKind::UnaryOp { op: UnaryOp::USub | UnaryOp::Invert | UnaryOp::UAdd, operand } => {
            is_const_int_expr(operand, consts)
        }
        ExprKind::BinOp { left, op, right } => {
            matches!(
                op,
                BinOp::Add | BinOp::Sub | BinOp::Mult | BinOp::LShift | BinOp::RShift | BinOp::BitOr | BinOp::BitAnd | BinOp::BitXor
            ) && is_const_int_expr(left, consts)
                && is_const_int_expr(right, consts)
                && !matches!((op, &right.kind), (BinOp::LShift, ExprKind::Const(Constant::Int(v))) if v.bits() > 4)
        }
        ExprKind::Call { func, args, keywords } => {
            is_already_const_call(e) && keywords.is_empty() && args.len() == 1 && matches!(func.kind, ExprKind::Name(_))
        }
        _ => false,
    }
}

/// The names a module-level `name = value` statement binds (the only names whose uses the rule needs).
fn candidate_names(module: &Module) -> HashSet<&str> {
    let mut out = HashSet::default();
    for s in &module.body {
        if let StmtKind::Assign { targets, .. } = &s.kind {
            if let [Expr { kind: ExprKind::Name(n), .. }] = targets.as_slice() {
                out.insert(n.as_str());
            }
        }
    }
    out
}

/// The ranges of every `Name` expression naming one of `names`, by name, in source order (loads and
/// stores, nested scopes included; the assignment targets themselves too: callers compare positions).
fn name_uses<'a>(module: &'a Module, names: &HashSet<&str>) -> HashMap<&'a str, Vec<TextRange>> {
    let mut out: HashMap<&str, Vec<TextRange>> = HashMap::default();
    if names.is_empty() {
        return out;
    }
    visit::for_each_expr(&module.body, |e| {
        if let ExprKind::Name(n) = &e.kind {
            if e.range.start != e.range.end && names.contains(n.as_str()) {
                out.entry(n.as_str()).or_default().push(e.range);
            }
        }
    });
    out
}
