//! The architecture invariants of `docs/architecture.md` that a text scan can check, enforced (tidy test).

use std::path::{Path, PathBuf};

use mpy_tests::{files_with_ext, rel_path, repo_root};

/// Every Rust source of the workspace crates (not `target/`, caches or the venv), except this file, whose
/// string literals name the very things it looks for.
fn rust_files() -> Vec<PathBuf> {
    let root = repo_root();
    ["vm", "lsp", "toolchain", "tests", "xtask"]
        .iter()
        .flat_map(|dir| files_with_ext(&root.join(dir), ".rs"))
        .filter(|p| rel_path(p) != "tests/tests/architecture.rs")
        .collect()
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_default()
}

/// Code lines only: `//` comments (including doc comments) removed, so prose may name what code may not use.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_rust_file_starts_with_a_module_doc_line() {
    let missing: Vec<String> =
        rust_files().iter().filter(|p| !read(p).starts_with("//!")).map(|p| rel_path(p)).collect();
    assert!(missing.is_empty(), "files without a leading `//!` line saying what they are for:\n{}", missing.join("\n"));
}

#[test]
fn rustpython_parser_is_used_only_by_vm_syntax() {
    let offenders: Vec<String> = rust_files()
        .iter()
        .filter(|p| code_of(&read(p)).contains("rustpython"))
        .map(|p| rel_path(p))
        .filter(|r| !r.starts_with("vm/src/syntax/"))
        .collect();
    assert!(offenders.is_empty(), "rustpython_parser used outside vm/src/syntax/:\n{}", offenders.join("\n"));
}

#[test]
fn the_vm_library_does_no_io_and_never_prints() {
    const FORBIDDEN: [&str; 9] = [
        "std::fs", "std::net", "std::process", "std::env", "println!", "eprintln!", "print!(", "eprint!(", "std::io::std",
    ];
    let mut offenders = Vec::new();
    for p in files_with_ext(&repo_root().join("vm/src"), ".rs") {
        let rel = rel_path(&p);
        // The mpyc binary is the one place that touches files; unit-test modules may read fixtures.
        if rel.starts_with("vm/src/bin/") || rel.contains("/tests/") || rel.ends_with("/tests.rs") {
            continue;
        }
        let code = code_of(&read(&p));
        for f in FORBIDDEN {
            if code.contains(f) {
                offenders.push(format!("{rel}: {f}"));
            }
        }
    }
    assert!(offenders.is_empty(), "vm/src must stay pure (no I/O, no printing):\n{}", offenders.join("\n"));
}

#[test]
fn no_test_is_ignored() {
    let offenders: Vec<String> = rust_files()
        .iter()
        .filter(|p| code_of(&read(p)).contains("#[ignore"))
        .map(|p| rel_path(p))
        .collect();
    assert!(offenders.is_empty(), "#[ignore] is not allowed (assert today's behaviour instead):\n{}", offenders.join("\n"));
}

#[test]
fn only_lsp_knows_lsp_types() {
    let offenders: Vec<String> = rust_files()
        .iter()
        .filter(|p| {
            let code = code_of(&read(p));
            code.contains("tower_lsp") || code.contains("lsp_types") || code.contains("lsp_server")
        })
        .map(|p| rel_path(p))
        .filter(|r| !r.starts_with("lsp/"))
        .collect();
    assert!(offenders.is_empty(), "LSP types outside lsp/:\n{}", offenders.join("\n"));
}
