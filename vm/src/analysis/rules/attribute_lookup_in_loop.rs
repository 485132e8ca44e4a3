//! MP104: the same attribute (`self.x`, `obj.attr`, `module.func`) looked up on every iteration of a loop.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::analysis::codes::declare_rule;
use crate::analysis::diagnostic::{Diagnostic, Edit, Fix};
use crate::analysis::rules::loops::{self, Ctx};
use crate::analysis::semantic::{self, BindingKind, Taken};
use crate::analysis::{text, Checker, Rule};
use crate::syntax::ast::*;

declare_rule! {
    /// ## What it does
    /// Finds attribute lookups repeated inside a loop of a function: module functions (`time.ticks_us`),
    /// and attributes of local objects (`self.buf`, `obj.count`).
    ///
    /// ## Why is this bad?
    /// Each `a.b` is a dictionary lookup (for a module, two: the global `a`, then `b` in the module). Doing
    /// it once before the loop and keeping the result in a local ("caching object references" in
    /// MicroPython's speed guide) removes that work from every iteration.
    ///
    /// ## Example
    /// ```python
    /// import time
    ///
    /// def wait(n):
    ///     for _ in range(n):
    ///         time.sleep_ms(1)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// import time
    ///
    /// def wait(n):
    ///     sleep_ms = time.sleep_ms
    ///     for _ in range(n):
    ///         sleep_ms(1)
    /// ```
    ///
    /// ## Fix safety
    /// Safe for attributes of an imported module that the file never rebinds. For any other object the fix is
    /// unsafe: the attribute may be a property, or code called in the loop may assign a new value to it, and
    /// the local copy would not see the change. The rule does not fire when the loop itself assigns the
    /// attribute or rebinds the object, and it leaves method calls on objects (`self.f()`) alone.
    pub struct AttributeLookupInLoop;
}

/// One attribute chain seen in a loop.
struct Chain<'a> {
    key: String,
    base: &'a str,
    last: &'a str,
    ranges: Vec<TextRange>,
    is_module: bool,
}

/// MP104
pub(crate) fn check(checker: &mut Checker) {
    let src = checker.source;
    let mut reports = Vec::new();
    for func in &checker.facts.functions {
        // Every diagnostic of a function lies inside it.
        if !checker.checks(func.stmt.range) {
            continue;
        }
        let fscope = checker.facts.scope_of(func);
        // Names the fixes' new locals must avoid (only when fixes are built).
        let mut taken = checker.wants_fixes().then(|| Taken::new(checker.module_names()));
        for lp in loops::outermost_loops(&func.def.body) {
            let mut chains: Vec<Chain> = Vec::new();
            let mut index: HashMap<String, usize> = HashMap::default();
            let mut stored_names: HashSet<&str> = HashSet::default();
            let mut stored_chains: HashSet<String> = HashSet::default();
            // Ranges of attribute nodes that are part of a longer chain, or are called.
            let mut inner: HashSet<TextRange> = HashSet::default();
            let mut callees: HashSet<TextRange> = HashSet::default();
            loops::each_expr_in_loop(lp, &mut |e, ctx| match &e.kind {
                ExprKind::Name(n) if ctx != Ctx::Load => {
                    stored_names.insert(n);
                }
                ExprKind::Call { func, .. } => {
                    callees.insert(func.range);
                }
                ExprKind::Attribute { value, attr } => {
                    if matches!(value.kind, ExprKind::Attribute { .. }) {
                        inner.insert(value.range);
                    }
                    let Some(key) = loops::dotted(e) else { return };
                    if ctx != Ctx::Load {
                        stored_chains.insert(key);
                        return;
                    }
                    if inner.contains(&e.range) {
                        return;
                    }
                    let Some(base) = loops::base_name(e) else { return };
                    let i = *index.entry(key.clone()).or_insert_with(|| {
                        chains.push(Chain { key, base, last: attr, ranges: Vec::new(), is_module: false });
                        chains.len() - 1
                    });
                    chains[i].ranges.push(e.range);
                }
                _ => {}
            });
            for mut c in chains {
                let prefix_stored = stored_chains.iter().any(|s| {
                    c.key == *s || (c.key.starts_with(s.as_str()) && c.key.as_bytes().get(s.len()) == Some(&b'.'))
                });
                if stored_names.contains(c.base) || prefix_stored {
                    continue;
                }
                c.is_module = !fscope.is_local(c.base)
                    && checker.facts.scope.bindings.get(c.base).is_some_and(|bs| {
                        bs.iter().all(|b| matches!(b.kind, BindingKind::Import { .. }))
                    })
                    && !checker.facts.rebound_by_functions.contains(c.base);
                let local_base = fscope.is_local(c.base);
                if !c.is_module && !local_base {
                    continue;
                }
                if !c.is_module && c.ranges.iter().any(|r| callees.contains(r)) {
                    continue;
                }
                let n = c.ranges.len();
                let uses = if n == 1 { String::new() } else { format!(" ({n} uses)") };
                let message = format!("`{}` is looked up on every iteration{uses}: hoist it into a local", c.key);
                let mut d = Diagnostic::new(Rule::AttributeLookupInLoop, c.ranges[0], message);
                if let Some(taken) = &mut taken {
                    let alias = alias_name(&c, taken);
                    taken.insert(alias.clone());
                    let mut edits = vec![text::insert_before_stmt(src, lp, &[format!("{alias} = {}", c.key)])];
                    edits.extend(c.ranges.iter().map(|r| Edit::replace(*r, alias.clone())));
                    let title = format!("Hoist `{}` into local `{alias}` before the loop", c.key);
                    d = d.with_fix(if c.is_module { Fix::safe_edits(title, edits) } else { Fix::unsafe_edits(title, edits) });
                }
                reports.push(d);
            }
        }
    }
    for d in reports {
        checker.report(d);
    }
}

/// The attribute's own name when free (`sleep_ms`), else `base_attr`, else numbered.
fn alias_name(c: &Chain, taken: &Taken) -> String {
    if !taken.contains(c.last) && !semantic::is_builtin(c.last) && c.last != "self" {
        return c.last.to_string();
    }
    semantic::fresh_name(&c.key.replace('.', "_"), taken)
}
