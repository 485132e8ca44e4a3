//! Scope facts the rules share: which names a scope binds and how, which are declared `global`, and where
//! every function is. A small, syntactic stand-in for MicroPython's `py/scope.c`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::syntax::ast::*;

use super::visit::{walk_expr, Visitor};

/// How a name is bound in a scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BindingKind {
    /// `import a.b` binds `a` (`module == "a"`); `import a.b as c` binds `c` to `a.b`.
    Import { module: String },
    /// `from m import x [as y]`.
    FromImport { module: String, name: String },
    FunctionDef,
    ClassDef,
    /// `name = value` with a single name target (`value_range` is the value's range).
    Assign { value_range: TextRange },
    /// Any other binding: unpacking, augmented assignment, `for`, `with`, `except … as`, walrus, `del`.
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub kind: BindingKind,
    /// The binding statement's range.
    pub stmt_range: TextRange,
}

/// The bindings of one scope (module body or function body), not looking into nested scopes.
#[derive(Clone, Debug, Default)]
pub struct ScopeFacts<'a> {
    pub bindings: HashMap<&'a str, Vec<Binding>>,
    pub declared_global: HashSet<&'a str>,
    pub declared_nonlocal: HashSet<&'a str>,
    /// Parameter names, in order.
    pub params: Vec<&'a str>,
}

impl<'a> ScopeFacts<'a> {
    /// The facts of a module body.
    pub fn of_module(body: &'a [Stmt]) -> Self {
        let mut f = ScopeFacts::default();
        f.collect(body);
        f
    }

    /// The facts of a function: its parameters and body.
    pub fn of_function(def: &'a FunctionDef) -> Self {
        let mut f = ScopeFacts::default();
        let a = &def.args;
        for arg in a.posonly.iter().chain(&a.args).chain(&a.vararg).chain(&a.kwonly).chain(&a.kwarg) {
            f.params.push(arg.name.as_str());
        }
        f.collect(&def.body);
        f
    }

    /// True when `name` is local to this (function) scope: a parameter or bound here, and not declared
    /// `global`/`nonlocal`.
    pub fn is_local(&self, name: &str) -> bool {
        if self.declared_global.contains(name) || self.declared_nonlocal.contains(name) {
            return false;
        }
        self.params.contains(&name) || self.bindings.contains_key(name)
    }

    /// The single binding of `name`, when it is bound exactly once.
    pub fn single_binding(&self, name: &str) -> Option<&Binding> {
        match self.bindings.get(name).map(Vec::as_slice) {
            Some([b]) => Some(b),
            _ => None,
        }
    }

    /// True when any name is bound or declared here with this spelling (to choose fresh names).
    pub fn mentions(&self, name: &str) -> bool {
        self.bindings.contains_key(name)
            || self.params.contains(&name)
            || self.declared_global.contains(name)
            || self.declared_nonlocal.contains(name)
    }

    fn bind(&mut self, name: &'a str, kind: BindingKind, stmt_range: TextRange) {
        self.bindings.entry(name).or_default().push(Binding { kind, stmt_range });
    }

    fn bind_target(&mut self, target: &'a Expr, stmt_range: TextRange) {
        match &target.kind {
            ExprKind::Name(n) => self.bind(n, BindingKind::Other, stmt_range),
            ExprKind::Tuple { elts, .. } | ExprKind::List(elts) => {
                elts.iter().for_each(|e| self.bind_target(e, stmt_range))
            }
            ExprKind::Starred(e) => self.bind_target(e, stmt_range),
            _ => {}
        }
    }

    fn collect(&mut self, body: &'a [Stmt]) {
        for s in body {
            self.collect_stmt(s);
        }
    }

    fn collect_stmt(&mut self, s: &'a Stmt) {
        let r = s.range;
        self.walrus_in_stmt(s);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.bind(&f.name, BindingKind::FunctionDef, r),
            StmtKind::ClassDef(c) => self.bind(&c.name, BindingKind::ClassDef, r),
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    match (&t.kind, targets.len()) {
                        (ExprKind::Name(n), 1) => self.bind(n, BindingKind::Assign { value_range: value.range }, r),
                        _ => self.bind_target(t, r),
                    }
                }
            }
            StmtKind::AugAssign { target, .. } => self.bind_target(target, r),
            StmtKind::AnnAssign { target, value, .. } => {
                if let (ExprKind::Name(n), Some(v)) = (&target.kind, value) {
                    self.bind(n, BindingKind::Assign { value_range: v.range }, r);
                } else {
                    self.bind_target(target, r);
                }
            }
            StmtKind::Delete(ts) => ts.iter().for_each(|t| self.bind_target(t, r)),
            StmtKind::For { target, body, orelse, .. } => {
                self.bind_target(target, r);
                self.collect(body);
                self.collect(orelse);
            }
            StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
                self.collect(body);
                self.collect(orelse);
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    if let Some(v) = &it.vars {
                        self.bind_target(v, r);
                    }
                }
                self.collect(body);
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.collect(body);
                for h in handlers {
                    if let Some(n) = &h.name {
                        self.bind(n, BindingKind::Other, h.range);
                    }
                    self.collect(&h.body);
                }
                self.collect(orelse);
                self.collect(finalbody);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    match &a.asname {
                        Some(asn) => self.bind(asn, BindingKind::Import { module: a.name.clone() }, r),
                        None => {
                            let first = a.name.split('.').next().unwrap_or(&a.name);
                            self.bind(first, BindingKind::Import { module: first.to_string() }, r);
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names, .. } => {
                for a in names {
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    let kind =
                        BindingKind::FromImport { module: module.clone().unwrap_or_default(), name: a.name.clone() };
                    self.bind(bound, kind, r);
                }
            }
            StmtKind::Global(ns) => self.declared_global.extend(ns.iter().map(String::as_str)),
            StmtKind::Nonlocal(ns) => self.declared_nonlocal.extend(ns.iter().map(String::as_str)),
            StmtKind::Return(_)
            | StmtKind::Raise { .. }
            | StmtKind::Assert { .. }
            | StmtKind::Expr(_)
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
    }

    /// Walrus targets bind in the enclosing function even from inside comprehensions.
    fn walrus_in_stmt(&mut self, s: &'a Stmt) {
        struct Walrus<'f, 'a>(&'f mut ScopeFacts<'a>, TextRange);
        impl<'a> Visitor<'a> for Walrus<'_, 'a> {
            fn visit_stmt(&mut self, _: &'a Stmt) {}
            fn visit_expr(&mut self, e: &'a Expr) {
                match &e.kind {
                    ExprKind::NamedExpr { target, .. } => {
                        if let ExprKind::Name(n) = &target.kind {
                            self.0.bind(n, BindingKind::Other, self.1);
                        }
                        walk_expr(self, e);
                    }
                    ExprKind::Lambda { .. } => {}
                    _ => walk_expr(self, e),
                }
            }
        }
        let mut w = Walrus(self, s.range);
        // Only the statement's own expressions: bodies of compound statements are collected separately.
        match &s.kind {
            StmtKind::Assign { targets, value } => {
                w.visit_expr(value);
                targets.iter().for_each(|t| w.visit_expr(t));
            }
            StmtKind::AugAssign { value, .. } => w.visit_expr(value),
            StmtKind::AnnAssign { value: Some(v), .. } => w.visit_expr(v),
            StmtKind::Return(Some(e)) | StmtKind::Expr(e) => w.visit_expr(e),
            StmtKind::For { iter, .. } => w.visit_expr(iter),
            StmtKind::While { test, .. } | StmtKind::If { test, .. } => w.visit_expr(test),
            StmtKind::With { items, .. } => items.iter().for_each(|i| w.visit_expr(&i.context)),
            StmtKind::Assert { test, .. } => w.visit_expr(test),
            _ => {}
        }
    }
}

/// A function definition and where it sits.
#[derive(Clone, Copy, Debug)]
pub struct FunctionRef<'a> {
    pub stmt: &'a Stmt,
    pub def: &'a FunctionDef,
    /// The class whose body holds this definition directly (a method), if any.
    pub class: Option<&'a ClassDef>,
}

/// Facts about a whole module, computed once per analysis.
#[derive(Debug)]
pub struct ModuleFacts<'a> {
    pub scope: ScopeFacts<'a>,
    /// Names some function declares `global`: such a name may be rebound whenever any function runs.
    pub rebound_by_functions: HashSet<&'a str>,
    /// Every function in the module (methods and nested functions included), in source order.
    pub functions: Vec<FunctionRef<'a>>,
    /// The scope facts of each function of `functions` (same order), computed once for all rules.
    pub function_scopes: Vec<ScopeFacts<'a>>,
    /// `functions` index by the address of the `FunctionDef` node.
    function_index: HashMap<usize, usize>,
    /// Per function of `functions`, the index of the nearest function whose range encloses it.
    parents: Vec<Option<usize>>,
    /// Module-level names bound once to an integer literal or to `const(...)`: the compiler can substitute
    /// them, so loop rules leave them to MP101.
    pub int_constants: HashSet<&'a str>,
}

impl<'a> ModuleFacts<'a> {
    pub fn new(module: &'a Module) -> Self {
        let scope = ScopeFacts::of_module(&module.body);
        let mut functions = Vec::new();
        collect_functions(&module.body, None, &mut functions);
        let mut rebound_by_functions = HashSet::default();
        let function_scopes: Vec<ScopeFacts<'a>> = functions.iter().map(|f| ScopeFacts::of_function(f.def)).collect();
        for facts in &function_scopes {
            rebound_by_functions.extend(facts.declared_global.iter().copied());
        }
        let function_index = functions.iter().enumerate().map(|(i, f)| (node_key(f.def), i)).collect();
        let parents = enclosing_parents(&functions);
        let mut int_constants = HashSet::default();
        for s in &module.body {
            if let StmtKind::Assign { targets, value } = &s.kind {
                if let [Expr { kind: ExprKind::Name(n), .. }] = targets.as_slice() {
                    let is_int = match &value.kind {
                        ExprKind::Const(Constant::Int(_)) => true,
                        ExprKind::UnaryOp { operand, .. } => matches!(operand.kind, ExprKind::Const(Constant::Int(_))),
                        ExprKind::Call { func, .. } => matches!(&func.kind, ExprKind::Name(c) if c == "const"),
                        _ => false,
                    };
                    if is_int && scope.single_binding(n).is_some() && !rebound_by_functions.contains(n.as_str()) {
                        int_constants.insert(n.as_str());
                    }
                }
            }
        }
        ModuleFacts { scope, rebound_by_functions, functions, function_scopes, function_index, parents, int_constants }
    }

    /// The scope facts of a function of this module (computed once, in [`ModuleFacts::new`]).
    pub fn scope_of(&self, f: &FunctionRef<'a>) -> std::borrow::Cow<'_, ScopeFacts<'a>> {
        match self.function_index.get(&node_key(f.def)) {
            Some(&i) => std::borrow::Cow::Borrowed(&self.function_scopes[i]),
            None => std::borrow::Cow::Owned(ScopeFacts::of_function(f.def)),
        }
    }

    /// The functions whose body encloses `inner` (not `inner` itself), innermost last.
    pub fn enclosing_functions(&self, inner: &FunctionRef<'a>) -> Vec<FunctionRef<'a>> {
        let r = inner.stmt.range;
        let encloses = |f: &FunctionRef<'a>| f.stmt.range != r && f.stmt.range.start <= r.start && r.end <= f.stmt.range.end;
        let Some(&i) = self.function_index.get(&node_key(inner.def)) else {
            return self.functions.iter().filter(|f| encloses(f)).copied().collect();
        };
        let mut out = Vec::new();
        let mut at = self.parents[i];
        while let Some(p) = at {
            out.push(self.functions[p]);
            at = self.parents[p];
        }
        out.reverse();
        out
    }

    /// True when `name` is a module global bound exactly once at module level and no function declares it
    /// `global`: its value never changes after the binding runs.
    pub fn is_bound_once(&self, name: &str) -> bool {
        self.scope.single_binding(name).is_some() && !self.rebound_by_functions.contains(name)
    }
}

/// For functions in source order (each before the functions nested in it), the nearest enclosing one of
/// each: ranges nest or are disjoint, so the open ranges form a stack.
fn enclosing_parents(functions: &[FunctionRef<'_>]) -> Vec<Option<usize>> {
    let mut parents = Vec::with_capacity(functions.len());
    let mut open: Vec<usize> = Vec::new();
    for f in functions {
        let r = f.stmt.range;
        while let Some(&top) = open.last() {
            let t = functions[top].stmt.range;
            if t != r && t.start <= r.start && r.end <= t.end {
                break;
            }
            open.pop();
        }
        parents.push(open.last().copied());
        open.push(parents.len() - 1);
    }
    parents
}

fn node_key(f: &FunctionDef) -> usize {
    f as *const FunctionDef as usize
}

fn collect_functions<'a>(body: &'a [Stmt], class: Option<&'a ClassDef>, out: &mut Vec<FunctionRef<'a>>) {
    for s in body {
        match &s.kind {
            StmtKind::FunctionDef(def) => {
                out.push(FunctionRef { stmt: s, def, class });
                collect_functions(&def.body, None, out);
            }
            StmtKind::ClassDef(c) => collect_functions(&c.body, Some(c), out),
            StmtKind::If { body, orelse, .. }
            | StmtKind::For { body, orelse, .. }
            | StmtKind::While { body, orelse, .. } => {
                collect_functions(body, class, out);
                collect_functions(orelse, class, out);
            }
            StmtKind::With { body, .. } => collect_functions(body, class, out),
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                collect_functions(body, class, out);
                for h in handlers {
                    collect_functions(&h.body, class, out);
                }
                collect_functions(orelse, class, out);
                collect_functions(finalbody, class, out);
            }
            _ => {}
        }
    }
}

/// The names a MicroPython 1.29 build has as builtins (the `builtins` module of the unix port and boards).
pub const BUILTINS: &[&str] = &[
    "abs", "all", "any", "bin", "bool", "bytearray", "bytes", "callable", "chr", "classmethod", "compile",
    "complex", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "filter", "float", "frozenset",
    "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass",
    "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord",
    "pow", "print", "property", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted",
    "staticmethod", "str", "sum", "super", "tuple", "type", "zip",
];

pub fn is_builtin(name: &str) -> bool {
    BUILTINS.contains(&name)
}

/// Every `Name` mentioned anywhere in `body` (nested scopes included): used to choose fresh names.
pub fn all_names(body: &[Stmt]) -> HashSet<&str> {
    all_names_where(body, |_| true)
}

/// The names of [`all_names`] that `keep` accepts.
pub fn all_names_where(body: &[Stmt], keep: impl Fn(&str) -> bool) -> HashSet<&str> {
    let mut all = HashSet::default();
    let mut out = Kept { set: &mut all, keep };
    super::visit::for_each_expr(body, |e| {
        if let ExprKind::Name(n) = &e.kind {
            out.insert(n.as_str());
        }
    });
    super::visit::for_each_stmt(body, |s| match &s.kind {
        StmtKind::FunctionDef(f) => {
            out.insert(f.name.as_str());
            let a = &f.args;
            for arg in a.posonly.iter().chain(&a.args).chain(&a.vararg).chain(&a.kwonly).chain(&a.kwarg) {
                out.insert(arg.name.as_str());
            }
        }
        StmtKind::ClassDef(c) => {
            out.insert(c.name.as_str());
        }
        StmtKind::Import(al) | StmtKind::ImportFrom { names: al, .. } => {
            for a in al {
                out.insert(a.asname.as_deref().unwrap_or_else(|| a.name.split('.').next().unwrap_or("")));
            }
        }
        StmtKind::Global(ns) | StmtKind::Nonlocal(ns) => {
            for n in ns {
                out.insert(n);
            }
        }
        StmtKind::Try { handlers, .. } => {
            for h in handlers {
                if let Some(n) = &h.name {
                    out.insert(n.as_str());
                }
            }
        }
        _ => {}
    });
    all
}

/// A set that keeps only what its filter accepts.
struct Kept<'s, 'a, F> {
    set: &'s mut HashSet<&'a str>,
    keep: F,
}

impl<'a, F: Fn(&str) -> bool> Kept<'_, 'a, F> {
    fn insert(&mut self, name: &'a str) {
        if (self.keep)(name) {
            self.set.insert(name);
        }
    }
}

/// Names already used: every name of the module (shared, computed once) plus the names a rule has just
/// chosen.
#[derive(Debug)]
pub struct Taken<'a> {
    pub module: &'a HashSet<&'a str>,
    pub chosen: HashSet<String>,
}

impl<'a> Taken<'a> {
    pub fn new(module: &'a HashSet<&'a str>) -> Self {
        Taken { module, chosen: HashSet::default() }
    }

    pub fn contains(&self, name: &str) -> bool {
        self.module.contains(name) || self.chosen.contains(name)
    }

    pub fn insert(&mut self, name: String) {
        self.chosen.insert(name);
    }
}

/// A name built from `base` that is not taken: `base`, then `base_1`, `base_2`, …
pub fn fresh_name(base: &str, taken: &Taken) -> String {
    if !taken.contains(base) && !is_builtin(base) {
        return base.to_string();
    }
    (1..).map(|i| format!("{base}_{i}")).find(|n| !taken.contains(n)).unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parent links give exactly the functions whose range encloses each function, outermost first.
    #[test]
    fn enclosing_functions_are_the_enclosing_ranges() {
        let src = "def a():\n    def b():\n        def c():\n            pass\n        class K:\n            def m(self):\n                def n():\n                    pass\n    def d():\n        pass\n\n@dec\ndef e():\n    lambda: 0\n    def f():\n        pass\nclass L:\n    def g(self):\n        pass\n";
        let (module, errors) = crate::syntax::parse_source_level(src.as_bytes());
        assert!(errors.is_empty());
        let facts = ModuleFacts::new(&module);
        assert_eq!(facts.functions.len(), 9);
        for f in &facts.functions {
            let r = f.stmt.range;
            let by_range: Vec<&str> = facts
                .functions
                .iter()
                .filter(|g| g.stmt.range != r && g.stmt.range.start <= r.start && r.end <= g.stmt.range.end)
                .map(|g| g.def.name.as_str())
                .collect();
            let linked: Vec<&str> = facts.enclosing_functions(f).iter().map(|g| g.def.name.as_str()).collect();
            assert_eq!(linked, by_range, "for {}", f.def.name);
        }
        let n = facts.functions.iter().find(|f| f.def.name == "n").unwrap();
        let names: Vec<&str> = facts.enclosing_functions(n).iter().map(|g| g.def.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "m"]);
    }
}
