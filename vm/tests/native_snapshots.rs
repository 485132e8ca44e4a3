//! Snapshots of the text forms of native code (style principle P7): the `-march=debug` pseudo-assembly,
//! which is checked here against what mpy-cross 1.29 prints for the same program, and the x64, x86,
//! Thumb (armv6m, armv7m) and ARM (armv6) listings (offset, bytes, instruction), whose bytes are checked
//! here and in `native_corpus.rs` against mpy-cross.
//! Bless with `INSTA_UPDATE=always cargo test -p mpy-vm --test native_snapshots` after reading the diff.

mod common;

use mpy_vm::{native_listings, Arch, CompileOptions};

fn texts(source: &str, arch: Arch) -> String {
    let opts = CompileOptions { source_name: "snap.py".into(), arch: Some(arch), ..CompileOptions::default() };
    match native_listings(source.as_bytes(), &opts) {
        Ok(l) => l.into_iter().map(|(name, text)| format!("== {name}\n{text}")).collect(),
        Err(e) => e.render("snap.py"),
    }
}

/// The debug trace, after checking it is exactly what mpy-cross prints.
fn debug_trace(source: &str) -> String {
    let s = common::Scratch::new("snap");
    s.write("snap.py", source);
    let out = common::run_mpy_cross(&s.dir, &["-march=debug", "snap.py", "-o", "snap.mpy"]);
    assert!(out.status.success(), "mpy-cross: {}", String::from_utf8_lossy(&out.stderr));
    let opts = CompileOptions { source_name: "snap.py".into(), arch: Some(Arch::Debug), ..CompileOptions::default() };
    let ours = mpy_vm::compile(source.as_bytes(), &opts);
    assert_eq!(ours.native_trace, String::from_utf8_lossy(&out.stdout), "debug trace differs from mpy-cross");
    texts(source, Arch::Debug)
}

const VIPER_SUM: &str = r#"
@micropython.viper
def total(buf, n: int) -> int:
    p = ptr8(buf)
    s = 0
    for i in range(n):
        s += p[i]
    return s
"#;

const NATIVE_FINALLY: &str = r#"
@micropython.native
def f(x):
    try:
        return g(x)
    finally:
        x = None
"#;

const NATIVE_GEN: &str = r#"
@micropython.native
def gen(n):
    for i in range(n):
        yield i
"#;

const VIPER_CMP: &str = r#"
@micropython.viper
def lt(a: uint, b: uint) -> bool:
    return a < b
"#;

/// The listing for `arch`, after checking that its bytes are exactly mpy-cross's code for the same
/// program (every listed byte, in order, appears as one run in mpy-cross's `.mpy`).
fn checked_listing(source: &str, arch: Arch) -> String {
    let s = common::Scratch::new("snap");
    s.write("snap.py", source);
    let out = common::run_mpy_cross(&s.dir, &[&format!("-march={}", arch.name()), "snap.py", "-o", "snap.mpy"]);
    assert!(out.status.success(), "mpy-cross: {}", String::from_utf8_lossy(&out.stderr));
    let theirs = std::fs::read(s.path("snap.mpy")).expect("mpy-cross output");
    let text = texts(source, arch);
    let mut code = Vec::new();
    for line in text.lines() {
        // `0004  b5 f2 ...  push {r1, r4, r5, r6, r7, lr}`: the byte column sits between the offset and
        // the instruction, two spaces on each side.
        let Some(rest) = line.get(6..) else { continue };
        let bytes = rest.split("  ").next().unwrap_or("");
        code.extend(bytes.split(' ').filter_map(|b| u8::from_str_radix(b, 16).ok().filter(|_| b.len() == 2)));
    }
    assert!(!code.is_empty(), "empty listing for {}", arch.name());
    assert!(theirs.windows(code.len()).any(|w| w == code), "{} listing bytes are not mpy-cross's code", arch.name());
    text
}

#[test]
fn viper_sum_microcontrollers() {
    insta::assert_snapshot!("viper_sum_armv7m", checked_listing(VIPER_SUM, Arch::Armv7m));
    insta::assert_snapshot!("viper_sum_armv6m", checked_listing(VIPER_SUM, Arch::Armv6m));
    insta::assert_snapshot!("viper_sum_armv6", checked_listing(VIPER_SUM, Arch::Armv6));
}

#[test]
fn native_finally_microcontrollers() {
    insta::assert_snapshot!("native_finally_armv7m", checked_listing(NATIVE_FINALLY, Arch::Armv7m));
    insta::assert_snapshot!("native_finally_armv6m", checked_listing(NATIVE_FINALLY, Arch::Armv6m));
}

#[test]
fn viper_sum() {
    insta::assert_snapshot!("viper_sum_debug", debug_trace(VIPER_SUM));
    insta::assert_snapshot!("viper_sum_x64", texts(VIPER_SUM, Arch::X64));
    insta::assert_snapshot!("viper_sum_x86", texts(VIPER_SUM, Arch::X86));
}

#[test]
fn native_finally() {
    insta::assert_snapshot!("native_finally_debug", debug_trace(NATIVE_FINALLY));
    insta::assert_snapshot!("native_finally_x64", texts(NATIVE_FINALLY, Arch::X64));
}

#[test]
fn native_generator() {
    insta::assert_snapshot!("native_gen_debug", debug_trace(NATIVE_GEN));
    insta::assert_snapshot!("native_gen_x64", texts(NATIVE_GEN, Arch::X64));
}

#[test]
fn viper_unsigned_compare() {
    insta::assert_snapshot!("viper_cmp_debug", debug_trace(VIPER_CMP));
    insta::assert_snapshot!("viper_cmp_x86", texts(VIPER_CMP, Arch::X86));
}
