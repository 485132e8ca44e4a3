//! Reader/writer round trip on mpy-cross output: `write(read(b)) == b` and `read(write(m)) == m`, for the
//! committed fixtures in `tests/data/` and for programs compiled by mpy-cross at test time.

mod common;

use mpy_vm::mpy::{read, write};
use std::path::Path;

fn check_round_trip(what: &str, bytes: &[u8]) {
    let m = read(bytes).unwrap_or_else(|e| panic!("{what}: read failed: {e}"));
    let again = write(&m);
    assert_eq!(again, bytes, "{what}: write(read(b)) != b");
    let m2 = read(&again).unwrap_or_else(|e| panic!("{what}: re-read failed: {e}"));
    assert_eq!(m2, m, "{what}: read(write(m)) != m");
}

/// All `.mpy` fixtures committed under `tests/data/`.
pub fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("tests/data exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "mpy"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn committed_fixtures_round_trip() {
    let fx = fixtures();
    assert!(fx.len() >= 7);
    for (name, bytes) in fx {
        check_round_trip(&name, &bytes);
    }
}

#[test]
fn fresh_mpy_cross_outputs_round_trip() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let src = |n: &str| std::fs::read_to_string(dir.join(n)).unwrap();
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        ("basics -O0", src("basics.py"), vec![]),
        ("basics -O1", src("basics.py"), vec!["-O1"]),
        ("basics no-source-lines", src("basics.py"), vec!["-X", "no-source-lines"]),
        ("consts sib 15", src("consts.py"), vec!["-msmall-int-bits=15"]),
        ("native x64", src("native.py"), vec!["-march=x64"]),
        ("native armv6m", src("native.py"), vec!["-march=armv6m"]),
        ("native armv7emdp", src("native.py"), vec!["-march=armv7emdp"]),
        ("native xtensa", src("native.py"), vec!["-march=xtensa"]),
        ("native xtensawin", src("native.py"), vec!["-march=xtensawin"]),
        ("native rv32imc zba,zcmp", src("native.py"), vec!["-march=rv32imc", "-march-flags=zba,zcmp"]),
        ("native x86", src("native.py"), vec!["-march=x86"]),
        ("native debug", src("native.py"), vec!["-march=debug"]),
        ("consts emit native", src("consts.py"), vec!["-march=x64", "-X", "emit=native"]),
        ("bytecode with arch flags", src("consts.py"), vec!["-march=rv32imc", "-march-flags=zba"]),
        ("asm thumb", src("asm_thumb.py"), vec!["-march=armv7em"]),
        ("empty module", String::new(), vec![]),
    ];
    for (what, source, flags) in cases {
        let bytes = common::compile_with_mpy_cross(&source, "t.py", &flags);
        check_round_trip(what, &bytes);
    }
}
