//! Expressions for the program generator: atoms, operators (with and without parentheses, so the parser's
//! precedence is exercised), calls with every argument form, subscripts and slices, displays, comprehensions,
//! lambdas, conditional and assignment expressions, constant-folding candidates, `await`.

use super::Gen;

const BINOPS: &[&str] = &["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"];
const CMPOPS: &[&str] = &["<", ">", "==", "!=", "<=", ">=", "in", "not in", "is", "is not"];
const ATTRS: &[&str] = &["append", "real", "imag", "x", "y", "__class__", "upper", "items", "value", "next"];
const FUNCS: &[&str] = &["print", "len", "range", "abs", "min", "max", "str", "int", "isinstance", "f", "g", "h", "sum", "sorted"];

/// The right operand of `<<` and `**`: a name or a one-digit number. Both compilers fold constant shifts
/// and powers, and `1 << 10**30` or `9 ** 9 ** 9` would make mpy-cross compute a number the size of the
/// machine. A `const()` name (`C1`, `_C2`) counts as a number: `821 ** _C1` with `_C1 = const(1 << 17)`
/// kept mpy-cross busy for more than 30 s.
fn tame(op: &str, right: String) -> String {
    let const_name = right.trim_start_matches('_').strip_prefix('C').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    if (op == "<<" || op == "**") && (const_name || !right.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')) {
        right.chars().find(char::is_ascii_digit).unwrap_or('3').to_string()
    } else {
        right
    }
}

impl Gen<'_> {
    /// Any expression.
    pub(super) fn expr(&mut self, depth: u32) -> String {
        if depth >= self.cfg.max_expr_depth {
            return self.atom();
        }
        let d = depth + 1;
        match self.below(30) {
            0..=7 => self.atom(),
            8..=10 => {
                let op = self.pick(BINOPS);
                let (a, b) = (self.operand(d), self.operand(d));
                format!("{a} {op} {}", tame(op, b))
            }
            11 => {
                // An unparenthesised chain: the parser's precedence decides.
                let mut s = self.atom();
                let mut power = false;
                for _ in 0..1 + self.below(4) {
                    let mut op = self.pick(BINOPS);
                    // `9 ** 9 ** 9` is right-associative: one power per chain.
                    if op == "**" && std::mem::replace(&mut power, true) {
                        op = "+";
                    }
                    let a = self.atom();
                    s = format!("{s} {op} {}", tame(op, a));
                }
                s
            }
            12 => {
                let op = self.pick(&["-", "+", "~", "not "]);
                format!("{op}{}", self.operand(d))
            }
            13 => {
                let mut s = self.operand(d);
                for _ in 0..1 + self.below(2) {
                    let op = self.pick(CMPOPS);
                    let b = self.operand(d);
                    s = format!("{s} {op} {b}");
                }
                s
            }
            14 => {
                let op = self.pick(&["and", "or"]);
                let (a, b) = (self.operand(d), self.operand(d));
                format!("{a} {op} {b}")
            }
            15 => {
                let (a, c, b) = (self.operand(d), self.operand(d), self.operand(d));
                format!("{a} if {c} else {b}")
            }
            16..=18 => self.call(d),
            19 => {
                let a = self.primary(d);
                // `1.real` would lex as the float `1.` and a name.
                let a = if a.starts_with(|c: char| c.is_ascii_digit() || c == '-') { format!("({a})") } else { a };
                format!("{a}.{}", self.pick(ATTRS))
            }
            20 | 21 => self.subscript(d),
            22 | 23 => self.display(d),
            24 => self.comprehension(d),
            25 => self.lambda(d),
            26 if self.no_walrus == 0 && !self.in_class_body() => {
                let n = self.target_name();
                format!("({n} := {})", self.expr(d))
            }
            27 if self.in_function() == Some(true) && self.no_walrus == 0 => format!("await {}", self.primary(d)),
            28 => self.folding(),
            _ => self.atom(),
        }
    }

    fn in_class_body(&self) -> bool {
        self.scopes.iter().any(|s| s.kind == super::ScopeKind::Class)
    }

    /// An operand of an operator: an atom, or a parenthesised expression.
    fn operand(&mut self, depth: u32) -> String {
        if self.chance(2, 3) {
            self.primary(depth)
        } else {
            format!("({})", self.expr(depth))
        }
    }

    /// A primary: atom, call, attribute or subscript (binds tighter than any operator).
    fn primary(&mut self, depth: u32) -> String {
        if depth >= self.cfg.max_expr_depth {
            return self.atom();
        }
        match self.below(6) {
            0 => self.call(depth + 1),
            1 => self.subscript(depth + 1),
            2 => format!("{}.{}", self.name(), self.pick(ATTRS)),
            _ => self.atom(),
        }
    }

    pub(super) fn atom(&mut self) -> String {
        match self.below(20) {
            0..=6 => self.name(),
            7..=9 => self.int_lit(),
            10 => self.float_lit(),
            11 => self.str_lit(),
            12 => self.bytes_lit(),
            13 => self.pick(&["True", "False", "None", "...", "__debug__", "__name__"]).to_string(),
            14 => self.fstring(),
            15 => self.complex_lit(),
            16 if !self.consts.is_empty() => {
                let i = self.below(self.consts.len() as u32) as usize;
                self.consts[i].clone()
            }
            17 => format!("({},)", self.int_lit()),
            _ => self.name(),
        }
    }

    fn args(&mut self, depth: u32) -> String {
        let mut parts = Vec::new();
        for _ in 0..self.below(4) {
            parts.push(self.expr(depth));
        }
        if self.chance(1, 6) {
            parts.push(format!("*{}", self.primary(depth)));
        }
        for _ in 0..self.below(3) {
            let k = self.pick(&["key", "sep", "end", "default", "reverse", "x"]);
            if !parts.iter().any(|p| p.starts_with(&format!("{k}="))) {
                let v = self.expr(depth);
                parts.push(format!("{k}={v}"));
            }
        }
        if self.chance(1, 8) {
            parts.push(format!("**{}", self.primary(depth)));
        }
        parts.join(", ")
    }

    fn call(&mut self, depth: u32) -> String {
        let callee = match self.below(5) {
            0 => format!("{}.{}", self.name(), self.pick(ATTRS)),
            1 => self.name(),
            _ => self.pick(FUNCS).to_string(),
        };
        if self.chance(1, 10) {
            // A generator expression as the only argument needs no extra parentheses.
            let e = self.expr(depth);
            let v = self.name();
            let it = self.primary(depth);
            return format!("{callee}({e} for {v} in {it})");
        }
        let a = self.args(depth);
        format!("{callee}({a})")
    }

    fn subscript(&mut self, depth: u32) -> String {
        let base = self.primary(depth);
        let idx = match self.below(8) {
            0 => format!("{}:{}", self.expr(depth), self.expr(depth)),
            1 => "::2".to_string(),
            2 => format!("{}:", self.expr(depth)),
            3 => format!(":{}:{}", self.expr(depth), self.expr(depth)),
            4 => format!("{}, {}", self.expr(depth), self.expr(depth)),
            5 => "-1".to_string(),
            _ => self.expr(depth),
        };
        format!("{base}[{idx}]")
    }

    fn items(&mut self, depth: u32, star: bool) -> Vec<String> {
        let n = self.below(5);
        (0..n)
            // MicroPython has no unpacking in displays (a SyntaxError): rare, to keep most programs valid.
            .map(|_| if star && self.chance(1, 500) { format!("*{}", self.primary(depth)) } else { self.expr(depth) })
            .collect()
    }

    fn display(&mut self, depth: u32) -> String {
        match self.below(5) {
            0 => format!("[{}]", self.items(depth, true).join(", ")),
            1 => {
                let it = self.items(depth, true);
                match it.len() {
                    0 => "()".to_string(),
                    1 => format!("({},)", it[0]),
                    _ => format!("({})", it.join(", ")),
                }
            }
            2 => {
                let mut it = self.items(depth, true);
                if it.is_empty() {
                    it.push(self.atom());
                }
                format!("{{{}}}", it.join(", "))
            }
            3 => {
                let n = self.below(4);
                let mut kv = Vec::new();
                for _ in 0..n {
                    if self.chance(1, 500) {
                        kv.push(format!("**{}", self.primary(depth)));
                    } else {
                        let (k, v) = (self.expr(depth), self.expr(depth));
                        kv.push(format!("{k}: {v}"));
                    }
                }
                format!("{{{}}}", kv.join(", "))
            }
            _ => {
                // Constant tuples and lists (folded into one constant object by the compiler).
                let n = self.below(6);
                let lits: Vec<String> = (0..n).map(|_| self.literal()).collect();
                if self.chance(1, 2) {
                    format!("({}{})", lits.join(", "), if n == 1 { "," } else { "" })
                } else {
                    format!("[{}]", lits.join(", "))
                }
            }
        }
    }

    fn literal(&mut self) -> String {
        match self.below(6) {
            0 => self.float_lit(),
            1 => self.str_lit(),
            2 => self.bytes_lit(),
            3 => self.pick(&["None", "True", "False", "..."]).to_string(),
            _ => self.int_lit(),
        }
    }

    fn comprehension(&mut self, depth: u32) -> String {
        self.no_walrus += 1;
        let v = self.name();
        let it = self.primary(depth);
        let mut clauses = format!("for {v} in {it}");
        if self.chance(1, 3) {
            let c = self.operand(depth);
            clauses.push_str(&format!(" if {c}"));
        }
        if self.chance(1, 4) {
            let (w, it2) = (self.name(), self.primary(depth));
            clauses.push_str(&format!(" for {w} in {it2}"));
        }
        if self.chance(1, 8) {
            let (p, q, it3) = (self.name(), self.name(), self.primary(depth));
            if p != q {
                clauses.push_str(&format!(" for {p}, {q} in {it3}"));
            }
        }
        let e = self.expr(depth);
        let s = match self.below(4) {
            0 => format!("[{e} {clauses}]"),
            1 => format!("{{{e} {clauses}}}"),
            2 => {
                let k = self.expr(depth);
                format!("{{{k}: {e} {clauses}}}")
            }
            _ => format!("({e} {clauses})"),
        };
        self.no_walrus -= 1;
        s
    }

    fn lambda(&mut self, depth: u32) -> String {
        self.no_walrus += 1;
        let params = self.params(false);
        let body = self.expr(depth);
        self.no_walrus -= 1;
        if params.is_empty() {
            format!("(lambda: {body})")
        } else {
            format!("(lambda {}: {body})", params.join(", "))
        }
    }

    /// Parameters (distinct names): positional with and without defaults, `*args` or a bare `*`,
    /// keyword-only, `**kw`. Annotations only for `def` (`annotate`).
    pub(super) fn params(&mut self, annotate: bool) -> Vec<String> {
        let mut used: Vec<String> = Vec::new();
        let mut out = Vec::new();
        let uniq = |g: &mut Self, used: &mut Vec<String>| -> Option<String> {
            let n = g.name();
            if used.contains(&n) {
                None
            } else {
                used.push(n.clone());
                Some(n)
            }
        };
        let npos = self.below(4);
        let mut defaults = false;
        for _ in 0..npos {
            let Some(n) = uniq(self, &mut used) else { continue };
            let ann = if annotate && self.chance(1, 5) { format!(": {}", self.pick(&["int", "str", "object"])) } else { String::new() };
            if defaults || self.chance(1, 4) {
                defaults = true;
                let v = self.atom();
                out.push(format!("{n}{ann}={v}"));
            } else {
                out.push(format!("{n}{ann}"));
            }
        }
        // 0: no star; 1: `*args` (then maybe keyword-only); 2, 3: a bare `*` and keyword-only parameters.
        let star = self.below(4);
        let mut marker = false;
        if star == 1 {
            if let Some(n) = uniq(self, &mut used) {
                out.push(format!("*{n}"));
                marker = true;
            }
        } else if star >= 2 {
            out.push("*".to_string());
            marker = true;
        }
        if marker {
            let mut kwonly = 0;
            for _ in 0..1 + self.below(2) {
                if let Some(n) = uniq(self, &mut used) {
                    kwonly += 1;
                    if self.chance(1, 2) {
                        let v = self.atom();
                        out.push(format!("{n}={v}"));
                    } else {
                        out.push(n);
                    }
                }
            }
            if kwonly == 0 && star >= 2 {
                out.pop();
            }
        }
        if self.chance(1, 5) {
            if let Some(n) = uniq(self, &mut used) {
                out.push(format!("**{n}"));
            }
        }
        out
    }

    /// Constant expressions the compiler folds (or must not fold): int arithmetic at the small-int and
    /// 64-bit edges, shifts, powers, negative zero, string multiplication.
    fn folding(&mut self) -> String {
        let forms = [
            "1 + 2 * 3",
            "-(2 ** 30)",
            "-(2 ** 31)",
            "2 ** 62",
            "2 ** 64 - 1",
            "1 << 29",
            "1 << 30",
            "1 << 62",
            "1 << 100",
            "-1 >> 3",
            "0x3fffffff + 1",
            "-0x40000000 - 1",
            "7 // -2",
            "-7 % 3",
            "~0x3fffffff",
            "10 ** 20",
            "(1 << 64) // 3",
            "3 * 'ab'",
            "-(-1073741824)",
            "1 ^ 2 | 4 & 8",
            "100000 * 100000",
            "46341 * 46341",
            "-5 // 0",
            "2 ** -1",
            "1.5 * 2",
            "(1, 2) + (3,)",
        ];
        forms[self.below(forms.len() as u32) as usize].to_string()
    }
}
