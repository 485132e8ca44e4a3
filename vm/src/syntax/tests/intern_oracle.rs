//! String interning (qstr or str object) checked against mpy-cross, statement by statement.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::oracle::{self, Loaded};
use crate::syntax::ast::{Constant, ExprKind, StmtKind, StrKind};
use crate::syntax::{parse_with, ParseOptions};

/// mpy-cross's choice for each assignment (`Some(true)` qstr, `Some(false)` str object, `None` not a
/// string constant).
fn their_kinds(src: &str, args: &[&str]) -> Vec<Option<bool>> {
    let mpy = oracle::read(&oracle::compile(src.as_bytes(), args).expect("compiles"));
    oracle::stored_constants(&mpy)
        .into_iter()
        .map(|l| match l {
            Some(Loaded::Qstr(_)) => Some(true),
            Some(Loaded::Obj(oracle::Obj::Str(_))) => Some(false),
            _ => None,
        })
        .collect()
}

fn our_kinds(src: &str, opts: &ParseOptions) -> Vec<Option<bool>> {
    let (m, errs) = parse_with(src.as_bytes(), opts);
    assert!(errs.is_empty(), "{errs:?}");
    m.body
        .iter()
        .filter_map(|s| match &s.kind {
            StmtKind::Assign { value, .. } => Some(match &value.kind {
                ExprKind::Const(Constant::Str { kind, .. }) => Some(*kind == StrKind::Qstr),
                _ => None,
            }),
            _ => None,
        })
        .collect()
}

#[test]
fn interning_matches_mpy_cross() {
    let pool = ["NotImplementedError", "__qualname__", "maximum recursion depth exceeded", "symmetric_difference_update"];
    let mut rng = StdRng::seed_from_u64(0x71737472);
    let mut idents: Vec<String> = (0..30).map(|i| format!("identifier_{i:02}_long")).collect();
    idents.push("abcdefghijk".into());
    for round in 0..6 {
        let mut src = String::new();
        for _ in 0..80 {
            let ident = idents[rng.gen_range(0..idents.len())].clone();
            match rng.gen_range(0..6) {
                0 => src.push_str(&format!("{ident} = 1\n")),
                1 => src.push_str(&format!("v = '{ident}'\n")),
                2 => src.push_str(&format!("v = '{}'\n", pool[rng.gen_range(0..pool.len())])),
                3 => src.push_str(&format!("v = 'random string {}'\n", rng.gen_range(0..5))),
                4 => src.push_str(&format!("v = '{}' '{}'\n", &ident[..5], &ident[5..])),
                _ => src.push_str(&format!("v = 'short{}'\n", rng.gen_range(0..9))),
            }
        }
        let theirs = their_kinds(&src, &[]);
        let ours = our_kinds(&src, &ParseOptions { known_qstrs: vec!["t.py".into()], ..Default::default() });
        assert_eq!(ours, theirs, "round {round}:\n{src}");
    }
}

#[test]
fn source_name_and_fstring_names_are_interned() {
    let src = "a = 'a_long_source_name.py'\nb = f'{some_long_identifier}'\nc = 'some_long_identifier'\n";
    let name = "a_long_source_name.py";
    let theirs = their_kinds(src, &["-s", name]);
    let ours = our_kinds(src, &ParseOptions { known_qstrs: vec![name.into()], ..Default::default() });
    assert_eq!(ours, theirs);
    assert_eq!(theirs[0], Some(true));
}
