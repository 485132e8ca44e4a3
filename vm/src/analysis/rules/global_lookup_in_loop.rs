//! MP103: a builtin or module global read on every iteration of a loop inside a function.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::analysis::codes::declare_rule;
use crate::analysis::diagnostic::{Diagnostic, Edit, Fix};
use crate::analysis::rules::loops::{self, Ctx};
use crate::analysis::semantic::{self, BindingKind, ScopeFacts, Taken};
use crate::analysis::{text, Checker, Rule};
use crate::syntax::ast::*;

declare_rule! {
    /// ## What it does
    /// Finds builtins (`len`, `abs`, …) and module globals read inside a loop of a function.
    ///
    /// ## Why is this bad?
    /// A local variable is read straight from the function's frame. A global is looked up by name in the
    /// module's dictionary on every use, and a builtin is looked up in the module's dictionary first and then
    /// in the builtins. Copying the object into a local before the loop ("caching object references" in
    /// MicroPython's speed guide) removes those lookups from every iteration.
    ///
    /// ## Example
    /// ```python
    /// def total(xs):
    ///     t = 0
    ///     for x in xs:
    ///         t += abs(x)
    ///     return t
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// def total(xs):
    ///     t = 0
    ///     _abs = abs
    ///     for x in xs:
    ///         t += _abs(x)
    ///     return t
    /// ```
    ///
    /// ## Fix safety
    /// Safe for builtins and for module-level functions, classes and imports that the module never rebinds
    /// (no function declares them `global`). For any other global the fix is unsafe: code elsewhere may
    /// rebind the global, and the local copy would not see the new value. When a function of this module
    /// does rebind it (`global name`) and the loop calls anything, the fix is only displayed, never applied:
    /// the call may well reach that function.
    pub struct GlobalLookupInLoop;
}

/// MP103
pub(crate) fn check(checker: &mut Checker) {
    let src = checker.source;
    let module_scope = &checker.facts.scope;
    let mut reports = Vec::new();
    for func in &checker.facts.functions {
        // Every diagnostic of a function lies inside it.
        if !checker.checks(func.stmt.range) {
            continue;
        }
        let fscope = checker.facts.scope_of(func);
        let enclosing: Vec<std::borrow::Cow<ScopeFacts>> =
            checker.facts.enclosing_functions(func).iter().map(|f| checker.facts.scope_of(f)).collect();
        // Names the fixes' new locals must avoid (only when fixes are built).
        let mut taken = checker.wants_fixes().then(|| Taken::new(checker.module_names()));
        for lp in loops::outermost_loops(&func.def.body) {
            // name -> ranges of its reads, in source order.
            let mut reads: Vec<(&str, Vec<TextRange>)> = Vec::new();
            let mut index: HashMap<&str, usize> = HashMap::default();
            let mut attr_bases: HashSet<TextRange> = HashSet::default();
            let mut calls = false;
            loops::each_expr_in_loop(lp, &mut |e, ctx| {
                calls |= matches!(e.kind, ExprKind::Call { .. });
                if let ExprKind::Attribute { value, .. } = &e.kind {
                    if let ExprKind::Name(n) = &value.kind {
                        let is_module = module_scope
                            .bindings
                            .get(n.as_str())
                            .is_some_and(|bs| bs.iter().all(|b| matches!(b.kind, BindingKind::Import { .. })));
                        if is_module {
                            attr_bases.insert(value.range);
                        }
                    }
                }
                let ExprKind::Name(n) = &e.kind else { return };
                if !matches!(ctx, Ctx::Load) || attr_bases.contains(&e.range) {
                    return;
                }
                if fscope.is_local(n) || enclosing.iter().any(|s| s.is_local(n)) {
                    return;
                }
                let i = *index.entry(n.as_str()).or_insert_with(|| {
                    reads.push((n.as_str(), Vec::new()));
                    reads.len() - 1
                });
                reads[i].1.push(e.range);
            });
            for (name, ranges) in reads {
                let Some(safety) = classify(checker, name) else { continue };
                let what = if matches!(safety, Safety::Builtin) { "builtin" } else { "global" };
                let n = ranges.len();
                let uses = if n == 1 { String::new() } else { format!(" ({n} uses)") };
                let message =
                    format!("{what} `{name}` is looked up on every iteration{uses}: alias it to a local before the loop");
                let mut d = Diagnostic::new(Rule::GlobalLookupInLoop, ranges[0], message);
                if let Some(taken) = &mut taken {
                    let alias = alias_name(name, taken);
                    taken.insert(alias.clone());
                    let mut edits = vec![text::insert_before_stmt(src, lp, &[format!("{alias} = {name}")])];
                    edits.extend(ranges.iter().map(|r| Edit::replace(*r, alias.clone())));
                    let title = format!("Alias `{name}` to local `{alias}` before the loop");
                    d = d.with_fix(match safety {
                        Safety::Builtin | Safety::Stable => Fix::safe_edits(title, edits),
                        Safety::Mutable if calls && checker.facts.rebound_by_functions.contains(name) => {
                            Fix::display_only_edits(title, edits)
                        }
                        Safety::Mutable => Fix::unsafe_edits(title, edits),
                    });
                }
                reports.push(d);
            }
        }
    }
    for d in reports {
        checker.report(d);
    }
}

enum Safety {
    Builtin,
    /// Bound only by imports, `def` and `class` at module level, and never declared `global`.
    Stable,
    /// Any other module global: a callee may rebind it.
    Mutable,
}

fn classify(checker: &Checker, name: &str) -> Option<Safety> {
    let facts = &checker.facts;
    if facts.int_constants.contains(name) {
        return None;
    }
    match facts.scope.bindings.get(name) {
        None if facts.rebound_by_functions.contains(name) => Some(Safety::Mutable),
        None if semantic::is_builtin(name) => Some(Safety::Builtin),
        None => None,
        Some(bs) => {
            let stable = bs.iter().all(|b| {
                matches!(
                    b.kind,
                    BindingKind::Import { .. } | BindingKind::FromImport { .. } | BindingKind::FunctionDef | BindingKind::ClassDef
                )
            });
            if stable && !facts.rebound_by_functions.contains(name) {
                Some(Safety::Stable)
            } else {
                Some(Safety::Mutable)
            }
        }
    }
}

/// `_len` for `len`; names that already start with `_` get a trailing `_l` instead.
fn alias_name(name: &str, taken: &Taken) -> String {
    let base = if name.starts_with('_') { format!("{name}_l") } else { format!("_{name}") };
    semantic::fresh_name(&base, taken)
}
