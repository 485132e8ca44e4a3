//! t-strings checked against mpy-cross: the constants the module loads, in order (segments tuple,
//! expression texts, conversions, specs), must be ours; and their errors must be mpy-cross's.

use super::oracle::{self, Loaded, Obj};
use crate::syntax::ast::{Constant, Expr, ExprKind, StmtKind, StrKind};
use crate::syntax::parse;

fn obj_text(o: &Obj) -> String {
    match o {
        Obj::Str(s) => format!("o:{}", String::from_utf8_lossy(s)),
        Obj::Tuple(items) => format!("({})", items.iter().map(obj_text).collect::<Vec<_>>().join(",")),
        other => format!("{other:?}"),
    }
}

/// Constant loads of `x = <expr>` in mpy-cross's bytecode.
fn their_loads(src: &str) -> Vec<String> {
    let m = oracle::read(&oracle::compile(src.as_bytes(), &[]).expect("compiles"));
    let mut out = Vec::new();
    for s in oracle::instruction_starts(&m.code) {
        if m.code[s] == 0x16 {
            break;
        }
        let mut i = s;
        match oracle::load_at(&m, &mut i) {
            Some(Loaded::Qstr(q)) => out.push(match &m.qstrs[q] {
                Ok(t) => format!("q:{}", String::from_utf8_lossy(t)),
                Err(1) => "q:".to_string(),
                Err(n) => format!("q:static{n}"),
            }),
            Some(Loaded::Obj(o)) => out.push(obj_text(&o)),
            Some(Loaded::None) => out.push("None".into()),
            Some(Loaded::SmallInt(n)) => out.push(format!("int:{n}")),
            _ => {}
        }
    }
    out
}

fn const_text(c: &Constant, in_tuple: bool) -> String {
    match c {
        Constant::Str { value, kind } if in_tuple || *kind == StrKind::Object => format!("o:{value}"),
        Constant::Str { value, .. } => format!("q:{value}"),
        Constant::Tuple(items) => format!("({})", items.iter().map(|i| const_text(i, true)).collect::<Vec<_>>().join(",")),
        Constant::None => "None".into(),
        Constant::Int(i) => format!("int:{i}"),
        other => format!("{other:?}"),
    }
}

/// Constants of an expression in evaluation order (enough for the cases below).
fn our_loads(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        ExprKind::Const(c) => out.push(const_text(c, false)),
        ExprKind::Call { func, args, .. } => {
            our_loads(func, out);
            for a in args {
                our_loads(a, out);
            }
        }
        ExprKind::Attribute { value, attr } => {
            our_loads(value, out);
            if attr == "format" {
                // LOAD_METHOD format: not a constant load.
            }
        }
        ExprKind::BinOp { left, right, .. } => {
            our_loads(left, out);
            our_loads(right, out);
        }
        ExprKind::Subscript { value, slice } => {
            our_loads(value, out);
            our_loads(slice, out);
        }
        ExprKind::Tuple { elts, .. } | ExprKind::List(elts) => {
            for x in elts {
                our_loads(x, out);
            }
        }
        _ => {}
    }
}

#[test]
fn tstrings_match_mpy_cross() {
    let cases = [
        r#"t"a{y}b""#,
        r#"t"{y!r}""#,
        r#"t"{y:>4}""#,
        r#"t"{y=}""#,
        r#"t"{y:{w}}""#,
        r#"t"{{}}""#,
        r#"t"""#,
        r#"t"abc""#,
        r#"rt"\n{y}""#,
        r#"tr"\n{y}""#,
        r#"t"a\n{y}\x41""#,
        r#"t"{ y }""#,
        r#"t"{y!r:>4}""#,
        r#"t"{y=!s}""#,
        r#"t"{y=:>3}""#,
        r#"t"{d["k"]}""#,
        r#"t"{y+1} {z.w(1)}""#,
        r#"t"{abcdefghijkl}""#,
        r#"t"long segment text here {y}""#,
        r#"t"{t"{y}"}""#,
        r#"f"{t"{y}"}""#,
        r#"t"{y:{w}.{z}}""#,
        r#"t"{y:a{w!r}b}""#,
        r#"t"{y:}""#,
        r#"t"{y!r:}""#,
        r#"t"{y:%H:%M}""#,
        r#"t"{y,}""#,
        r#"t"{y if y else z}""#,
        r#"t"{[1,2][0]}""#,
        r#"t"{y!r}{z}""#,
        r#"t"{{{y}}}""#,
        r#"t"a}}b""#,
        r#"t"{y:abcdefghijklmnop}""#,
        r#"t"{y:{w:{z}}}""#,
        "t\"\"\"a\n{y}\nb\"\"\"",
    ];
    let mut bad = Vec::new();
    for c in cases {
        let src = format!("x = {c}\n");
        let theirs = their_loads(&src);
        let (m, errs) = parse(src.as_bytes());
        let mut ours = Vec::new();
        match (errs.first(), m.body.first().map(|s| &s.kind)) {
            (None, Some(StmtKind::Assign { value, .. })) => our_loads(value, &mut ours),
            (e, _) => ours.push(format!("error {e:?}")),
        }
        if ours != theirs {
            bad.push(format!("{c}:\n  mpy-cross {theirs:?}\n  ours      {ours:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn tstring_errors_match_mpy_cross() {
    let cases = [
        "a = 1\nb = 2\nx = t\"{1+}\"\n",
        "a = 1\nb = 2\nx = t\"{}\"\n",
        "a = 1\nb = 2\nx = t\"{y\"\n",
        "a = 1\nb = 2\nx = t\"}\"\n",
        "a = 1\nb = 2\nx = t\"{y!x}\"\n",
        "x = t\"{y = }\"\n",
        "x = t\"{y!s=}\"\n",
        "x = t\"a\" \"b\"\n",
        "x = \"a\" t\"b\"\n",
        "x = t\"{y}\" t\"{z}\"\n",
        "x = (t\"{y}\"\n  \"z\")\n",
        "x = Rt\"a\"\n",
        "x = T\"a\"\n",
    ];
    for src in cases {
        let theirs = oracle::compile(src.as_bytes(), &[]).expect_err("an error");
        let last = theirs.lines().last().unwrap_or("").to_string();
        let line = theirs.lines().find_map(|l| l.split("line ").nth(1)).map(|s| s.split(',').next().unwrap().to_string());
        let (_, errs) = parse(src.as_bytes());
        let e = errs.first().unwrap_or_else(|| panic!("{src:?}: no error, mpy-cross says {theirs:?}"));
        assert_eq!(format!("{}: {}", e.kind.name(), e.message), last, "{src:?}");
        assert_eq!(e.line.map(|l| l.to_string()), line, "{src:?}");
    }
}
