//! Statements for the program generator: assignments of every target form, control flow with `else`
//! clauses, `try`/`with`, functions (closures, generators, async, decorators, native/viper), classes,
//! imports, `global`/`nonlocal`, `const()` definitions.

use super::{Gen, Scope, ScopeKind};

const AUGOPS: &[&str] = &["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="];
const EXC: &[&str] = &["Exception", "ValueError", "KeyError", "OSError", "TypeError", "StopIteration", "ZeroDivisionError"];

impl Gen<'_> {
    /// A statement at module level: definitions are more likely here.
    pub(super) fn top_stmt(&mut self) {
        match self.below(12) {
            0 | 1 => self.funcdef(0),
            2 => self.classdef(0),
            3 => self.const_def(),
            4 => self.import(),
            _ => self.stmt(0),
        }
    }

    /// An indented block of 1..=3 statements (just `pass`/simple ones past the depth limit).
    fn block(&mut self, depth: u32) {
        self.indent += 1;
        let n = 1 + self.below(3);
        for _ in 0..n {
            if depth >= self.cfg.max_block_depth {
                self.simple_stmt();
            } else {
                self.stmt(depth);
            }
        }
        self.indent -= 1;
    }

    pub(super) fn stmt(&mut self, depth: u32) {
        if self.in_native() {
            return self.native_stmt(depth);
        }
        let d = depth + 1;
        match self.below(24) {
            0..=7 => self.simple_stmt(),
            8 | 9 => {
                let c = self.expr(0);
                self.line(&format!("if {c}:"));
                self.block(d);
                for _ in 0..self.below(3) {
                    let c = self.expr(0);
                    self.line(&format!("elif {c}:"));
                    self.block(d);
                }
                if self.chance(1, 2) {
                    self.line("else:");
                    self.block(d);
                }
            }
            10 => {
                let c = self.expr(0);
                self.line(&format!("while {c}:"));
                self.loop_body(d);
            }
            11 | 12 => {
                let t = self.for_target();
                let it = self.expr(0);
                let kw = if self.in_function() == Some(true) && self.chance(1, 3) { "async for" } else { "for" };
                self.line(&format!("{kw} {t} in {it}:"));
                self.loop_body(d);
            }
            13 | 14 => self.try_stmt(d),
            15 => {
                let n = 1 + self.below(2);
                let items: Vec<String> = (0..n)
                    .map(|_| {
                        let e = self.primary_call();
                        if self.chance(1, 2) {
                            let t = self.target_name();
                            format!("{e} as {t}")
                        } else {
                            e
                        }
                    })
                    .collect();
                let kw = if self.in_function() == Some(true) && self.chance(1, 3) { "async with" } else { "with" };
                self.line(&format!("{kw} {}:", items.join(", ")));
                self.block(d);
            }
            16 | 17 => self.funcdef(d),
            18 => self.classdef(d),
            19 => self.import(),
            20 if self.in_function().is_some() => {
                if self.chance(1, 3) {
                    self.line("return");
                } else {
                    let e = self.expr(0);
                    self.line(&format!("return {e}"));
                }
            }
            21 if self.in_function() == Some(false) => {
                let e = self.expr(0);
                match self.below(3) {
                    0 => self.line("yield"),
                    1 => self.line(&format!("yield from {e}")),
                    _ => {
                        let t = self.target_name();
                        self.line(&format!("{t} = yield {e}"));
                    }
                }
            }
            22 if self.loops > 0 => {
                let kw = self.pick(&["break", "continue"]);
                self.line(kw);
            }
            _ => self.simple_stmt(),
        }
    }

    fn loop_body(&mut self, depth: u32) {
        self.loops += 1;
        self.block(depth);
        self.loops -= 1;
        if self.chance(1, 4) {
            self.line("else:");
            self.block(depth);
        }
    }

    fn for_target(&mut self) -> String {
        match self.below(5) {
            0 => {
                let (a, b) = (self.target_name(), self.target_name());
                if a == b {
                    a
                } else {
                    format!("{a}, {b}")
                }
            }
            1 => format!("{}[0]", self.name()),
            _ => self.target_name(),
        }
    }

    fn primary_call(&mut self) -> String {
        let n = self.name();
        let a = if self.chance(1, 2) { self.atom() } else { String::new() };
        format!("{n}({a})")
    }

    fn try_stmt(&mut self, depth: u32) {
        self.line("try:");
        self.block(depth);
        let handlers = self.below(3);
        let finally = handlers == 0 || self.chance(1, 3);
        for i in 0..handlers {
            let last = i + 1 == handlers;
            match self.below(4) {
                0 if last => self.line("except:"),
                1 => {
                    let (a, b) = (self.pick(EXC), self.pick(EXC));
                    self.line(&format!("except ({a}, {b}):"));
                }
                2 => {
                    let e = self.pick(EXC);
                    let n = self.target_name();
                    self.line(&format!("except {e} as {n}:"));
                }
                _ => {
                    let e = self.pick(EXC);
                    self.line(&format!("except {e}:"));
                }
            }
            self.indent += 1;
            if self.chance(1, 5) {
                self.line("raise");
            }
            self.indent -= 1;
            self.block(depth);
        }
        if handlers > 0 && self.chance(1, 3) {
            self.line("else:");
            self.block(depth);
        }
        if finally {
            self.line("finally:");
            self.block(depth);
        }
    }

    /// A one-line statement.
    pub(super) fn simple_stmt(&mut self) {
        match self.below(20) {
            0..=4 => {
                let e = self.expr(0);
                let t = self.target_name();
                self.line(&format!("{t} = {e}"));
            }
            5 => {
                let e = self.expr(0);
                let (a, b) = (self.target_name(), self.target_name());
                match self.below(3) {
                    0 if a != b => self.line(&format!("{a}, *{b} = {e}")),
                    1 => self.line(&format!("{a} = {b} = {e}")),
                    _ => self.line(&format!("{a}, {b} = {e}")),
                }
            }
            6 => {
                let (t, e) = (self.name(), self.expr(0));
                let a = self.pick(&["x", "y", "value"]);
                self.line(&format!("{t}.{a} = {e}"));
            }
            7 => {
                let (t, i, e) = (self.name(), self.expr(0), self.expr(0));
                self.line(&format!("{t}[{i}] = {e}"));
            }
            8 | 9 => {
                let (op, e) = (self.pick(AUGOPS), self.expr(0));
                let t = self.target_name();
                self.line(&format!("{t} {op} {e}"));
            }
            10 => {
                let (e, t) = (self.expr(0), self.target_name());
                let ann = self.pick(&["int", "str", "list", "'Foo'"]);
                self.line(&format!("{t}: {ann} = {e}"));
            }
            11 => {
                let t = self.name();
                if self.chance(1, 2) {
                    let i = self.expr(0);
                    self.line(&format!("del {t}[{i}]"));
                } else {
                    self.line(&format!("del {t}"));
                }
            }
            12 => self.line("pass"),
            13 => {
                let c = self.expr(0);
                if self.chance(1, 2) {
                    let m = self.str_lit();
                    self.line(&format!("assert {c}, {m}"));
                } else {
                    self.line(&format!("assert {c}"));
                }
            }
            14 => {
                let e = self.pick(EXC);
                match self.below(3) {
                    0 => self.line(&format!("raise {e}")),
                    1 => {
                        let a = self.expr(0);
                        self.line(&format!("raise {e}({a})"));
                    }
                    _ => self.line(&format!("raise {e} from None")),
                }
            }
            15 => {
                let items: Vec<String> = (0..1 + self.below(3)).map(|_| self.expr(0)).collect();
                self.line(&format!("print({})", items.join(", ")));
            }
            16 => {
                let e = self.expr(0);
                let t = self.target_name();
                self.line(&format!("{t} = {e}; {t}"));
            }
            _ => {
                let e = self.expr(0);
                self.line(&e);
            }
        }
    }

    fn import(&mut self) {
        let m = self.pick(&["time", "sys", "os", "micropython", "machine", "gc", "collections", "pkg.sub", "struct"]);
        match self.below(5) {
            0 => self.line(&format!("import {m}")),
            1 => {
                let t = self.target_name();
                self.line(&format!("import {m} as {t}"));
            }
            2 => {
                let (a, b) = (self.target_name(), self.target_name());
                self.line(&format!("from {m} import {a}, {b}"));
            }
            3 if self.in_function().is_none() && self.scopes.len() == 1 => self.line(&format!("from {m} import *")),
            _ => {
                let t = self.target_name();
                let dots = self.pick(&[".", "..", ".sub"]);
                self.line(&format!("from {dots} import {t}"));
            }
        }
    }

    /// `NAME = const(...)` at module level (public and `_private` names).
    fn const_def(&mut self) {
        let name = if self.chance(1, 2) { self.fresh("_C") } else { self.fresh("C") };
        let v = match self.below(6) {
            0 => self.int_lit(),
            1 if !self.int_consts.is_empty() => {
                let i = self.below(self.int_consts.len() as u32) as usize;
                let other = self.int_consts[i].clone();
                format!("{other} * 2 + 1")
            }
            2 => format!("1 << {}", self.below(40)),
            3 => self.str_lit(),
            _ => format!("{}", self.below(100_000)),
        };
        self.line(&format!("{name} = const({v})"));
        if !v.starts_with(['\'', '"', 'r']) {
            self.int_consts.push(name.clone());
        }
        self.consts.push(name);
    }

    fn decorators(&mut self) {
        for _ in 0..self.below(3) {
            let d = self.pick(&["staticmethod", "property", "deco", "functools.wraps(f)", "micropython.native_not"]);
            if d == "micropython.native_not" {
                continue;
            }
            self.line(&format!("@{d}"));
        }
    }

    pub(super) fn funcdef(&mut self, depth: u32) {
        if self.cfg.native && self.scopes.len() == 1 && self.chance(1, 3) {
            return self.native_def();
        }
        let is_async = self.chance(1, 8);
        self.decorators();
        let name = self.target_name();
        let params = self.params(true);
        let ret = if self.chance(1, 8) { " -> int" } else { "" };
        let kw = if is_async { "async def" } else { "def" };
        self.line(&format!("{kw} {name}({}){ret}:", params.join(", ")));
        let pnames: Vec<String> = params.iter().map(|p| p.trim_start_matches('*').split([':', '=']).next().unwrap_or("").to_string()).filter(|p| !p.is_empty()).collect();
        let enclosing: Vec<String> = self
            .scopes
            .iter()
            .rfind(|s| matches!(s.kind, ScopeKind::Function { .. }))
            .map(|s| s.assigned.iter().chain(s.params.iter()).filter(|n| !s.globals.contains(n)).cloned().collect())
            .unwrap_or_default();
        self.scopes.push(Scope { kind: ScopeKind::Function { is_async }, assigned: pnames.clone(), params: pnames.clone(), native: false, globals: Vec::new() });
        let saved_loops = std::mem::replace(&mut self.loops, 0);
        self.indent += 1;
        if self.chance(1, 6) {
            self.line(&format!("{:?}", "docstring"));
        }
        // Declarations first: a name used before its declaration is an error.
        let mut declared: Vec<String> = Vec::new();
        if self.chance(1, 4) {
            let n = self.name();
            if !pnames.contains(&n) {
                self.line(&format!("global {n}"));
                self.scope().globals.push(n.clone());
                declared.push(n);
            }
        }
        if !enclosing.is_empty() && self.chance(1, 2) {
            let n = enclosing[self.below(enclosing.len() as u32) as usize].clone();
            if !pnames.contains(&n) && !declared.contains(&n) {
                self.line(&format!("nonlocal {n}"));
            }
        }
        let n = 1 + self.below(4);
        for _ in 0..n {
            if depth >= self.cfg.max_block_depth {
                self.simple_stmt();
            } else {
                self.stmt(depth + 1);
            }
        }
        self.indent -= 1;
        self.loops = saved_loops;
        self.scopes.pop();
    }

    pub(super) fn classdef(&mut self, depth: u32) {
        if self.chance(1, 4) {
            self.line("@deco");
        }
        let name = self.fresh("K");
        self.scope().assigned.push(name.clone());
        let bases = match self.below(4) {
            0 => "(Exception)".to_string(),
            1 => format!("({})", self.name()),
            2 => "()".to_string(),
            _ => String::new(),
        };
        self.line(&format!("class {name}{bases}:"));
        self.scopes.push(Scope { kind: ScopeKind::Class, assigned: Vec::new(), params: Vec::new(), native: false, globals: Vec::new() });
        let saved_loops = std::mem::replace(&mut self.loops, 0);
        self.indent += 1;
        let n = 1 + self.below(4);
        for _ in 0..n {
            match self.below(4) {
                0 | 1 => self.method(depth + 1),
                2 => self.simple_stmt(),
                _ if depth < self.cfg.max_block_depth => self.stmt(depth + 1),
                _ => self.line("pass"),
            }
        }
        self.indent -= 1;
        self.loops = saved_loops;
        self.scopes.pop();
    }

    fn method(&mut self, depth: u32) {
        let name = self.pick(&["__init__", "m", "__repr__", "__add__", "__iter__", "run", "__enter__", "__exit__"]);
        let mut params = vec!["self".to_string()];
        params.extend(self.params(false).into_iter().filter(|p| !p.starts_with("self")));
        self.line(&format!("def {name}({}):", params.join(", ")));
        let pnames: Vec<String> =
            params.iter().map(|p| p.trim_start_matches('*').split('=').next().unwrap_or("").to_string()).filter(|p| !p.is_empty()).collect();
        self.scopes.push(Scope { kind: ScopeKind::Function { is_async: false }, assigned: pnames.clone(), params: pnames, native: false, globals: Vec::new() });
        self.indent += 1;
        match self.below(4) {
            0 => self.line("super().__init__()"),
            1 => {
                let e = self.expr(0);
                self.line(&format!("self.value = {e}"));
            }
            _ => {}
        }
        let n = 1 + self.below(3);
        for _ in 0..n {
            if depth >= self.cfg.max_block_depth {
                self.simple_stmt();
            } else {
                self.stmt(depth + 1);
            }
        }
        self.indent -= 1;
        self.scopes.pop();
    }

    /// A `@micropython.native` or `@micropython.viper` function with integer code the emitters accept.
    fn native_def(&mut self) {
        let viper = self.chance(1, 2);
        let name = self.fresh("nat");
        self.scope().assigned.push(name.clone());
        self.line(if viper { "@micropython.viper" } else { "@micropython.native" });
        let sig = if viper { "(x: int, y: int) -> int" } else { "(x, y)" };
        self.line(&format!("def {name}{sig}:"));
        self.scopes.push(Scope {
            kind: ScopeKind::Function { is_async: false },
            assigned: vec!["x".into(), "y".into()],
            params: vec!["x".into(), "y".into()],
            native: true,
            globals: Vec::new(),
        });
        self.indent += 1;
        self.line("t = 0");
        for _ in 0..1 + self.below(4) {
            self.native_stmt(1);
        }
        self.line("return t");
        self.indent -= 1;
        self.scopes.pop();
    }

    fn native_operand(&mut self) -> String {
        match self.below(5) {
            0 => "x".to_string(),
            1 => "y".to_string(),
            2 => "t".to_string(),
            3 => format!("{}", self.below(300)),
            _ => format!("{}", self.below(1 << 20)),
        }
    }

    fn native_stmt(&mut self, depth: u32) {
        let op = self.pick(&["+", "-", "*", "&", "|", "^", "<<", ">>"]);
        let a = self.native_operand();
        // A constant shift is folded: keep it small (`926365 << 899045` is a 900,000-bit number).
        let b = if op.len() == 2 { format!("{}", self.below(40)) } else { self.native_operand() };
        match self.below(6) {
            0 if depth < 3 => {
                let c = self.pick(&["<", ">", "==", "!=", "<=", ">="]);
                self.line(&format!("if {a} {c} {b}:"));
                self.indent += 1;
                self.native_stmt(depth + 1);
                self.indent -= 1;
            }
            1 if depth < 3 => {
                let n = self.below(10);
                self.line(&format!("for i in range({n}):"));
                self.indent += 1;
                self.native_stmt(depth + 1);
                self.indent -= 1;
            }
            2 => self.line(&format!("t {op}= {a}")),
            3 => {
                let c = self.pick(&["<", ">"]);
                let n = self.below(100);
                self.line(&format!("while t {c} {n}:"));
                self.indent += 1;
                self.line("t += 1");
                self.indent -= 1;
            }
            _ => self.line(&format!("t = {a} {op} {b}")),
        }
    }
}
