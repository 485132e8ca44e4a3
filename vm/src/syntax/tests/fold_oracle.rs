//! Folding, const() and interning checked against mpy-cross: for `x = <expr>` the module either loads one
//! constant (folded) or computes the value; our tree must agree on which, and on the constant.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::oracle::{self, Loaded, Obj};
use crate::syntax::ast::{Constant, Expr, ExprKind, StmtKind, StrKind};
use crate::syntax::parse;

/// The value of `x` in `x = <expr>` as we parsed it, if it is a constant.
fn our_value(src: &str) -> Option<Expr> {
    let (m, errs) = parse(src.as_bytes());
    assert!(errs.is_empty(), "{src:?}: {errs:?}");
    match &m.body.last()?.kind {
        StmtKind::Assign { value, .. } => Some(value.clone()),
        _ => None,
    }
}

fn float_eq(text: &str, f: f64) -> bool {
    let parsed: f64 = match text {
        "inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        "nan" | "-nan" => return f.is_nan(),
        t => match t.parse() {
            Ok(v) => v,
            Err(_) => return false,
        },
    };
    parsed.to_bits() == f.to_bits()
}

fn obj_matches(o: &Obj, c: &Constant) -> bool {
    match (o, c) {
        (Obj::None, Constant::None) | (Obj::True, Constant::True) | (Obj::False, Constant::False) => true,
        (Obj::Ellipsis, Constant::Ellipsis) => true,
        (Obj::Int(s), Constant::Int(i)) => *s == i.to_string(),
        (Obj::Float(s), Constant::Float(f)) => float_eq(s, *f),
        (Obj::Complex(s), Constant::Complex { real, imag }) => {
            *real == 0.0 && s.strip_suffix('j').is_some_and(|t| float_eq(t, *imag))
        }
        (Obj::Str(v), Constant::Str { value, .. }) => v == value.as_bytes(),
        (Obj::Bytes(v), Constant::Bytes(b)) => v == b,
        (Obj::Tuple(items), Constant::Tuple(cs)) => {
            items.len() == cs.len() && items.iter().zip(cs).all(|(o, c)| obj_matches(o, c))
        }
        _ => false,
    }
}

/// Whether mpy-cross's load of `x` and our expression agree.
fn agrees(loaded: &Option<Loaded>, ours: &Expr) -> bool {
    match (loaded, &ours.kind) {
        (None, ExprKind::Const(_) | ExprKind::ConstObj(_)) => false,
        (None, _) => true,
        (Some(Loaded::SmallInt(n)), ExprKind::Const(Constant::Int(i))) => i.to_string() == n.to_string(),
        (Some(Loaded::None), ExprKind::Const(Constant::None)) => true,
        (Some(Loaded::True), ExprKind::Const(Constant::True)) => true,
        (Some(Loaded::False), ExprKind::Const(Constant::False)) => true,
        (Some(Loaded::Qstr(_)), ExprKind::Const(Constant::Str { kind: StrKind::Qstr, .. })) => true,
        (Some(Loaded::Obj(Obj::Str(v))), ExprKind::Const(Constant::Str { value, kind: StrKind::Object })) => {
            v == value.as_bytes()
        }
        (Some(Loaded::Obj(o)), ExprKind::ConstObj(c)) => obj_matches(o, c),
        (Some(Loaded::Obj(Obj::Str(_))), _) => false,
        (Some(Loaded::Obj(o)), ExprKind::Const(c)) => obj_matches(o, c),
        // A name or other single load that is not a constant in mpy-cross either.
        _ => false,
    }
}

/// Checks every source (the last statement must be `x = <expr>`); returns the disagreements.
fn check_all(sources: &[String]) -> Vec<String> {
    let mut bad = Vec::new();
    for src in sources {
        let mpy = match oracle::compile(src.as_bytes(), &[]) {
            Ok(b) => oracle::read(&b),
            Err(e) => {
                bad.push(format!("{src:?}: mpy-cross failed: {e}"));
                continue;
            }
        };
        // Only the last statement is compared: earlier ones define constants.
        if src.lines().count() > 1 {
            let ours = our_value(src);
            let ok = ours.as_ref().is_some_and(|e| single_statement_agrees(&mpy, e, src));
            if !ok {
                bad.push(format!("{src:?}: ours {:?}", ours.map(|e| crate::syntax::dump::dump_expr(&e))));
            }
            continue;
        }
        let loaded = oracle::assigned_constant(&mpy);
        let ours = our_value(src);
        if !ours.as_ref().is_some_and(|e| agrees(&loaded, e)) {
            bad.push(format!(
                "{src:?}: mpy-cross {loaded:?}, ours {:?}",
                ours.map(|e| crate::syntax::dump::dump_expr(&e))
            ));
        }
    }
    bad
}

/// For multi-statement sources the final `x = <expr>` is compiled alone with the same definitions
/// textually removed, so compare through a second compile of the last line with constants inlined.
fn single_statement_agrees(mpy: &oracle::Mpy, ours: &Expr, _src: &str) -> bool {
    // The last statement's code is at the end: find the last STORE_NAME and the load just before it.
    let code = &mpy.code;
    // Walk instructions from the start, remembering the load preceding each store.
    let mut i = 0;
    let mut last: Option<Option<Loaded>> = None;
    while i < code.len() {
        let start = i;
        if let Some(l) = oracle::load_at(mpy, &mut i) {
            if code.get(i) == Some(&0x16) {
                last = Some(Some(l));
                i += 1;
                skip_vuint(code, &mut i);
                continue;
            }
            continue;
        }
        i = start + 1;
        match code[start] {
            0x10..=0x1c | 0x20..=0x3f => {
                if code[start] == 0x16 {
                    last = Some(None);
                }
                skip_vuint(code, &mut i);
            }
            _ => {}
        }
    }
    match last {
        Some(l) => agrees(&l, ours),
        None => false,
    }
}

fn skip_vuint(code: &[u8], i: &mut usize) {
    while *i < code.len() && code[*i] & 0x80 != 0 {
        *i += 1;
    }
    *i += 1;
}

#[test]
fn curated_folds_match_mpy_cross() {
    let exprs = [
        "1 + 2", "1 + 2 + y", "y + 1 + 2", "(1 + 2) + y", "2 ** -1", "~1.5", "-(2 ** 70)", "1.0 // 0", "1 // 0",
        "3 % 0", "7 // -2", "-7 % 3", "7.5 // 2", "-7.5 % 2", "2 ** 0.5", "(-8) ** 0.5", "(-8) ** 2.0", "0 ** -1",
        "0.0 ** -1", "1 << 40", "1 << 62", "1 << -1", "-1 >> 3", "2 ** 100 >> 90", "6 & -3", "6 | 9", "6 ^ 3",
        "1 @ 2", "1 / 3", "2 ** 64 / 3", "10 ** 20 + 0.5", "2 ** 64 + 2 ** 11 + 1 + 0.0", "1e308 * 10", "-1e308 * 10",
        "1e308 * 10 - 1e308 * 10", "not 0", "not 1", "not ''", "not 'a'", "not ()", "not (1,)", "not None",
        "0 or 5", "5 or y", "y or 0", "0 and y", "1 and y", "y and 1 and z", "y or 0 or z", "None or ...",
        "not y", "True + 1", "-True", "1 if 1 else 2", "(1, 2)", "(1, (2, 3.5), 'abc', b'x', None, ...)",
        "(1, y)", "()", "((),)", "1, 2", "(1,)", "math.pi", "math.e", "math.inf", "math.nan", "math.tau",
        "math.pi * 2", "math.pi.real", "math.sqrt", "-math.pi", "-0.0", "+0.0", "0.0 * -1", "2j", "2j + 1",
        "1 + 2j", "2j * 2j", "'ab' + 'cd'", "'a' * 3", "b'ab' + b'cd'", "100000000000 * 100000000000",
        "-(2 ** 62)", "2 ** 62", "-(2 ** 30)", "2 ** 30", "2 ** 30 - 1", "-(2 ** 30) - 1", "1 - 2 - 3 * 4 / 5",
        "(1 < 2)", "1 < 2", "[1, 2][0]", "(1, 2)[0]", "x[1, 2]", "__debug__", "not __debug__", "__debug__ and 3",
        "'hello world!' 'abc'", "'NotImplementedError'", "'__qualname__x'", "'0123456789'", "'01234567890'",
    ];
    let sources: Vec<String> = exprs.iter().map(|e| format!("x = {e}\n")).collect();
    let bad = check_all(&sources);
    assert!(bad.is_empty(), "{} of {} disagree:\n{}", bad.len(), sources.len(), bad.join("\n"));
}

#[test]
fn const_definitions_match_mpy_cross() {
    let sources = [
        "_A = const(True)\nx = _A\n",
        "_A = const(None)\nx = _A\n",
        "_A = const(...)\nx = _A\n",
        "_A = const(5)\nx = _A\n",
        "_A = const(b'x')\nx = _A\n",
        "_A = const('hello')\nx = _A\n",
        "_A = const('hello world, long')\nx = _A\n",
        "_A = const((1, 2))\nx = _A\n",
        "_A = const(2 ** 70)\nx = _A\n",
        "_A = const(1.5)\nx = _A * 2\n",
        "_A = const(3)\n_B = const(_A * 2)\nx = _B + _A\n",
        "A: int = const(3)\nx = A\n",
        "def f():\n    _A = const(7)\nx = _A\n",
        "_A = const(1)\nx = (_A, 2)\n",
        "_A = const(0)\nx = _A or 4\n",
        "_A = const(())\nx = (_A, 1)\n",
    ];
    let sources: Vec<String> = sources.iter().map(|s| s.to_string()).collect();
    let bad = check_all(&sources);
    assert!(bad.is_empty(), "{} of {} disagree:\n{}", bad.len(), sources.len(), bad.join("\n"));
}

/// Random arithmetic over a pool of awkward numbers; a fixed seed keeps failures reproducible.
#[test]
fn random_folds_match_mpy_cross() {
    let atoms = [
        "0", "1", "2", "3", "-1", "7", "255", "1000000007", "2**62", "2**64", "-2**63", "0.0", "1.5", "-2.25", "0.1",
        "3.0", "1e300", "1e-300", "2.5e-10", "y", "(1,)", "True", "None", "'s'",
    ];
    let ops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "and", "or"];
    let unary = ["-", "+", "~", "not "];
    let mut rng = StdRng::seed_from_u64(0x6d70_7963);
    fn gen(rng: &mut StdRng, depth: u32, atoms: &[&str], ops: &[&str], unary: &[&str]) -> String {
        if depth == 0 || rng.gen_bool(0.3) {
            return atoms[rng.gen_range(0..atoms.len())].to_string();
        }
        match rng.gen_range(0..6) {
            0 => {
                let u = unary[rng.gen_range(0..unary.len())];
                let inner = gen(rng, depth - 1, atoms, ops, unary);
                if u == "not " {
                    format!("(not {inner})")
                } else {
                    format!("{u}{inner}")
                }
            }
            1 => format!("({})", gen(rng, depth - 1, atoms, ops, unary)),
            _ => {
                let op = ops[rng.gen_range(0..ops.len())];
                let l = gen(rng, depth - 1, atoms, ops, unary);
                let mut r = gen(rng, depth - 1, atoms, ops, unary);
                if op == "**" || op == "<<" {
                    // Keep results small enough for mpy-cross's heap.
                    r = ["0", "1", "2", "3", "-1", "0.5", "-2", "62", "64"][rng.gen_range(0..9)].to_string();
                }
                format!("{l} {op} {r}")
            }
        }
    }
    let sources: Vec<String> = (0..300).map(|_| format!("x = {}\n", gen(&mut rng, 3, &atoms, &ops, &unary))).collect();
    let bad = check_all(&sources);
    assert!(bad.is_empty(), "{} of {} disagree:\n{}", bad.len(), sources.len(), bad.join("\n"));
}
