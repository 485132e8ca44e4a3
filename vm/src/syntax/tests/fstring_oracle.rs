//! f-strings checked against mpy-cross: the format string it builds, the number of `.format()` arguments,
//! and the line numbers after f-strings whose expressions contain newlines.

use super::oracle::{self, Loaded, Obj};
use crate::syntax::ast::{Constant, ExprKind, StmtKind};
use crate::syntax::parse;

/// mpy-cross's format string and argument count for `x = <fstring>`.
fn theirs(src: &str) -> (Option<Vec<u8>>, usize) {
    let mpy = oracle::read(&oracle::compile(src.as_bytes(), &[]).expect("compiles"));
    let mut i = 0;
    let fmt = match oracle::load_at(&mpy, &mut i) {
        Some(Loaded::Qstr(q)) => mpy.qstrs[q].clone().ok(),
        Some(Loaded::Obj(Obj::Str(s))) => Some(s),
        other => panic!("{src:?}: first load {other:?}"),
    };
    // The call is the last CALL_METHOD before STORE_NAME x.
    let starts = oracle::instruction_starts(&mpy.code);
    let call = starts.iter().rev().find(|&&s| mpy.code[s] == 0x36).expect("CALL_METHOD");
    (fmt, mpy.code[call + 1] as usize)
}

fn ours(src: &str) -> (Option<Vec<u8>>, usize) {
    let (m, errs) = parse(src.as_bytes());
    assert!(errs.is_empty(), "{src:?}: {errs:?}");
    let StmtKind::Assign { value, .. } = &m.body.last().unwrap().kind else { panic!() };
    let ExprKind::Call { func, args, .. } = &value.kind else { panic!("{src:?}: not a call") };
    let ExprKind::Attribute { value: s, attr } = &func.kind else { panic!() };
    assert_eq!(attr, "format");
    let ExprKind::Const(Constant::Str { value, .. }) = &s.kind else { panic!() };
    (Some(value.as_bytes().to_vec()), args.len())
}

#[test]
fn format_strings_match_mpy_cross() {
    let cases = [
        r#"f"a{x!r:>{w}}b{{}}""#,
        r#"f"{x=}""#,
        r#"f"{x=!r}""#,
        r#"f"{x=:>4}""#,
        r#"f"{d["k"]}""#,
        r#"f"{x:{'>'}{w}}""#,
        r#"f"{x!=1}""#,
        r#"f"{[x,x]}" f"{ {1:2} }""#,
        r#"f"{x}" "{}""#,
        r#""{}" f"{x}""#,
        r#"f"{x!s}""#,
        r#"f"{f"{x}"}""#,
        r#"f"a{f"b{x}c"}d{x}""#,
        r#"rf"\n{x}""#,
        r#"fr"\t{x}\n""#,
        r#"f"{x}\n{y}\x41""#,
        r#"f"a{{""#,
        r#"f"{{x}}""#,
        r#"f"abc""#,
        r#"f"{ }""#,
        r#"f"{x:}}""#,
        r#"f"}}""#,
        r#"f'{x}' 'long tail string here'"#,
        r#"f"""{x}
{y}""""#,
        r#"f"{x,}""#,
        r#"f"{x:{y}.{z}}""#,
        r#"f"{'a' 'b'}""#,
    ];
    let mut bad = Vec::new();
    for c in cases {
        let src = format!("x = {c}\n");
        let (t, o) = (theirs(&src), ours(&src));
        // Static qstrs come back without their text: compare the count only then.
        let same = t.1 == o.1 && (t.0.is_none() || t.0 == o.0);
        if !same {
            bad.push(format!("{c}: mpy-cross {:?} ours {:?}", (t.0.map(|v| String::from_utf8_lossy(&v).into_owned()), t.1), (o.0.map(|v| String::from_utf8_lossy(&v).into_owned()), o.1)));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// `break` outside a loop is a compile error carrying the statement's line: it shows mpy-cross's line
/// counter after f-strings.
#[test]
fn lines_after_fstrings_match_mpy_cross() {
    let cases = [
        "x = f'''{\na\n}'''\nbreak\n",
        "x = f'{a\n}'\nbreak\n",
        "x = (f'{a}'\n  'b'\n  )\nbreak\n",
        "x = f'''\n{a}\n'''\nbreak\n",
        "x = [f'{a}', f'''{\nb}''']\nbreak\n",
        "x = f'{a}' \\\n  'b'\nbreak\n",
    ];
    for src in cases {
        let err = oracle::compile(src.as_bytes(), &[]).expect_err("break outside loop");
        let line: u32 = err
            .lines()
            .find_map(|l| l.trim().strip_prefix("File \"t.py\", line ").map(|r| r.split(',').next().unwrap().parse().unwrap()))
            .expect("a line");
        let (m, errs) = parse(src.as_bytes());
        assert!(errs.is_empty());
        assert_eq!(m.body.last().unwrap().line, line, "{src:?}");
    }
}
