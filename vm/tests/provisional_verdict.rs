//! The editor's provisional compiler verdict (`analysis::verdict`, top-level statements compiled one by
//! one) against the whole-file compile, on every program of the bytecode and native corpora and on edits of
//! them that add a compile-stage error, as bytecode and with `emit=native` for the whole module (a module-level `return`, a `break` outside a loop, a viper type
//! error): whenever a provisional verdict is given, it must be the whole-file verdict (kind, message, line,
//! range), and it must be given for most of them (the editor relies on it for speed).

mod common;


use mpy_vm::analysis::verdict::VerdictCache;
use mpy_vm::analysis::{chunks, compile_error};
use mpy_vm::mpy::Arch;
use mpy_vm::options::{CompileOptions, EmitOpt};

/// The program with `line` inserted before its `k`-th top-level statement.
fn insert_before_chunk(src: &str, k: usize, line: &str) -> String {
    let cs = chunks::split(src);
    let at = cs.get(k).map_or(src.len(), |c| c.0);
    format!("{}{line}{}", &src[..at], &src[at..])
}

fn key(e: &Option<mpy_vm::error::CompileError>) -> String {
    match e {
        None => "ok".into(),
        Some(e) => format!("{:?} {} line {:?} range {:?}", e.kind, e.message, e.line, e.range),
    }
}

#[test]
fn provisional_verdicts_agree_with_the_whole_file_compile() {
    let files = common::repo_py_files(&["tests/corpus/basics", "tests/corpus/native", "tests/fuzz-findings"], 300);
    let bytecode = CompileOptions { arch: Some(Arch::X64), ..CompileOptions::default() };
    let native = CompileOptions { emit: EmitOpt::Native, ..bytecode.clone() };
    let (mut cases, mut given, mut errors_given) = (0usize, 0usize, 0usize);
    let mut disagreements = Vec::new();
    for (f, opts) in files.iter().flat_map(|f| [(f, &bytecode), (f, &native)]) {
        let Ok(src) = std::fs::read_to_string(f) else { continue };
        let n = chunks::split(&src).len();
        let mut variants = vec![src.clone()];
        for k in [n / 2, n] {
            variants.push(insert_before_chunk(&src, k, "return 7\n"));
            variants.push(insert_before_chunk(&src, k, "break\n"));
        }
        variants.push(insert_before_chunk(&src, n, "@micropython.viper\ndef _v() -> int:\n    x = 1\n    x = None\n    return x\n"));
        // As in the editor: the cache is filled from the original, then each edit is judged with a small
        // budget (only the new statement is compiled).
        let mut cache = VerdictCache::default();
        cache.fill(&src, opts);
        for v in &variants {
            cases += 1;
            let full = compile_error(v, opts);
            if let Some(p) = cache.provisional(v, &chunks::split(v), opts, 4096) {
                given += 1;
                errors_given += usize::from(p.is_some());
                if key(&p) != key(&full) {
                    disagreements.push(format!("{}: provisional {} / whole file {}", f.display(), key(&p), key(&full)));
                }
            }
            cache.fill(&src, opts);
        }
    }
    println!("provisional verdicts: {cases} cases, {given} given ({errors_given} errors), {} disagreements", disagreements.len());
    assert!(disagreements.is_empty(), "{} disagreements:\n{}", disagreements.len(), disagreements.join("\n"));
    assert!(given * 10 >= cases * 8, "only {given} of {cases} cases got a provisional verdict");
}
