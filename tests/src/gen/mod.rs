//! A generator of valid MicroPython programs, for the differential fuzzer (`difffuzz`) and the grammar-aware
//! libFuzzer target: every choice goes through [`Choose`], so the same generator runs from a seeded RNG or
//! from a fuzzer's bytes.
//!
//! Programs cover the grammar mpy-cross compiles: functions (defaults, `*args`, keyword-only, `**kw`),
//! closures with `nonlocal`, classes, decorators, comprehensions, lambdas, `try`/`with`/loops with `else`,
//! f-strings, ints from small to big, floats, complex, strings and bytes with escapes, `const()`, walrus,
//! star targets, async code, and (for `-march=x64`) `@micropython.native`/`viper` functions. They are
//! meant to compile, not to run without error; the few that mpy-cross refuses are compared by error text.

mod expr;
mod literal;
mod stmt;

/// A source of choices: a seeded RNG, or a fuzzer's input.
pub trait Choose {
    /// A number in `0..n` (`n` ≥ 1).
    fn below(&mut self, n: u32) -> u32;
}

/// A fast deterministic RNG (xorshift64*) as a [`Choose`].
#[derive(Clone, Debug)]
pub struct Rng(pub u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

impl Choose for Rng {
    fn below(&mut self, n: u32) -> u32 {
        ((self.next_u64() >> 32) % u64::from(n.max(1))) as u32
    }
}

/// What kind of scope the code being generated is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ScopeKind {
    Module,
    Function { is_async: bool },
    Class,
}

#[derive(Clone, Debug)]
struct Scope {
    kind: ScopeKind,
    /// Names assigned in this scope so far (for `nonlocal` in nested functions).
    assigned: Vec<String>,
    /// Parameter names (never declared `global`/`nonlocal`).
    params: Vec<String>,
    /// Native or viper function: statements stay simple.
    native: bool,
    /// Names declared `global` here (no binding for a nested `nonlocal`).
    globals: Vec<String>,
}

/// Generator settings.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Top-level statements.
    pub max_top: u32,
    /// Deepest statement nesting.
    pub max_block_depth: u32,
    /// Deepest expression nesting.
    pub max_expr_depth: u32,
    /// Generate `@micropython.native`/`viper` functions (only meaningful with `-march`).
    pub native: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config { max_top: 12, max_block_depth: 3, max_expr_depth: 3, native: false }
    }
}

/// The generator's state while writing one program.
pub struct Gen<'c> {
    c: &'c mut dyn Choose,
    cfg: Config,
    out: String,
    indent: usize,
    scopes: Vec<Scope>,
    /// Loop nesting of the current function (for `break`/`continue`).
    loops: u32,
    /// Inside a comprehension or lambda (no walrus there).
    no_walrus: u32,
    /// Module-level `const()` names defined so far.
    consts: Vec<String>,
    /// The subset of `consts` whose value is an int (usable in another `const()` expression).
    int_consts: Vec<String>,
    fresh: u32,
}

/// Names the programs use: a small pool, so that names repeat across scopes (locals, globals, cells).
const NAMES: &[&str] = &["a", "b", "c", "x", "y", "z", "n", "i", "j", "k", "s", "t", "lst", "d", "obj", "val", "acc", "it"];

/// One program's source text.
pub fn program(c: &mut dyn Choose, cfg: Config) -> String {
    let mut g = Gen { c, cfg, out: String::new(), indent: 0, scopes: Vec::new(), loops: 0, no_walrus: 0, consts: Vec::new(), int_consts: Vec::new(), fresh: 0 };
    g.scopes.push(Scope { kind: ScopeKind::Module, assigned: Vec::new(), params: Vec::new(), native: false, globals: Vec::new() });
    if g.chance(1, 3) {
        g.line("import micropython");
        g.line("from micropython import const");
    }
    let n = 1 + g.below(cfg.max_top.max(1));
    for _ in 0..n {
        g.top_stmt();
    }
    g.out
}

impl Gen<'_> {
    fn below(&mut self, n: u32) -> u32 {
        self.c.below(n)
    }

    fn chance(&mut self, num: u32, den: u32) -> bool {
        self.below(den) < num
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u32) as usize]
    }

    fn line(&mut self, s: &str) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn scope(&mut self) -> &mut Scope {
        self.scopes.last_mut().expect("module scope")
    }

    fn in_function(&self) -> Option<bool> {
        match self.scopes.last().map(|s| s.kind) {
            Some(ScopeKind::Function { is_async }) => Some(is_async),
            _ => None,
        }
    }

    fn in_native(&self) -> bool {
        self.scopes.last().is_some_and(|s| s.native)
    }

    fn name(&mut self) -> String {
        self.pick(NAMES).to_string()
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.fresh += 1;
        format!("{prefix}{}", self.fresh)
    }

    /// A name to assign to, recorded in the current scope.
    fn target_name(&mut self) -> String {
        let n = self.name();
        if !self.scope().assigned.contains(&n) {
            self.scope().assigned.push(n.clone());
        }
        n
    }
}
