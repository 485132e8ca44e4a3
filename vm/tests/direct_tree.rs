//! The direct tree builder (`syntax::direct`) against the rustpython path: on every `.py` file of the
//! repository's corpora and on benchmark-style generated modules, whenever the direct builder answers its
//! tree and side tables must equal what `lower` makes of rustpython's parse; and it must answer often.

mod common;

use std::path::{Path, PathBuf};

use mpy_vm::syntax::{direct_and_lowered, ParseOptions};

/// Per corpus: files, files the direct builder may take (recognized, no mends), files it took.
#[derive(Default, Debug)]
struct Coverage {
    files: usize,
    eligible: usize,
    direct: usize,
}

/// Compares both paths on one source; returns whether the direct builder answered, or the disagreement.
fn check(source: &[u8], what: &str, cov: &mut Coverage, failures: &mut Vec<String>) {
    cov.files += 1;
    let Some((direct, lowered)) = direct_and_lowered(source, &ParseOptions::default()) else { return };
    cov.eligible += 1;
    let Some((module, side)) = direct else { return };
    cov.direct += 1;
    match lowered {
        Err(e) => failures.push(format!("{what}: direct answered, rustpython refused: {e}")),
        Ok((lm, ls)) => {
            if lm != module {
                let n = lm.body.len().max(module.body.len());
                let i = (0..n).find(|&i| lm.body.get(i) != module.body.get(i)).unwrap_or(0);
                let cut = |s: String| s.chars().take(3000).collect::<String>();
                failures.push(format!(
                    "{what}: trees differ at top-level statement {i}\n  rustpython: {}\n  direct:     {}",
                    cut(format!("{:?}", lm.body.get(i))),
                    cut(format!("{:?}", module.body.get(i)))
                ));
            } else if ls != side {
                failures.push(format!("{what}: side tables differ\n  rustpython: {ls:?}\n  direct:     {side:?}"));
            }
        }
    }
}

fn corpus(dirs: &[&str]) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for d in dirs {
        common::py_files(&root.join(d), &mut files);
    }
    files
}

/// A module as `toolchain/tests/common/bench_build.rs::generate` writes it.
fn bench_module(i: usize) -> String {
    let mut s = format!("# module {i}\nimport math\n\nCONST_{i} = {i}\n\n");
    for f in 0..8 {
        s += &format!(
            "def f{f}(x, y=2):\n    total = 0\n    for k in range(x):\n        if k % {m} == 0:\n            total += k * y\n        else:\n            total -= 1\n    return total + CONST_{i}\n\n",
            m = f + 2
        );
    }
    s += &format!(
        "class C{i}:\n    def __init__(self, v):\n        self.v = v\n\n    def get(self):\n        return [self.v * j for j in range(4)]\n\n    def scaled(self, k=1.5):\n        return {{'v': self.v, 'k': k, 's': 'x' * {i}}}\n"
    );
    s
}

#[test]
fn direct_tree_equals_rustpython_tree() {
    let corpora: &[(&str, &[&str])] = &[
        ("vm/tests", &["vm/tests"]),
        ("vm/src", &["vm/src"]),
        ("tests/corpus", &["tests/corpus"]),
        ("tests/refusals", &["tests/refusals"]),
        ("tests/fuzz-findings", &["tests/fuzz-findings"]),
        ("other", &["tests/harness-selftest", "examples", "scripts", "toolchain/src"]),
    ];
    let mut failures = Vec::new();
    let mut report = Vec::new();
    let mut all = Coverage::default();
    for (name, dirs) in corpora {
        let mut cov = Coverage::default();
        for f in corpus(dirs) {
            let src = std::fs::read(&f).expect("read corpus file");
            check(&src, &f.display().to_string(), &mut cov, &mut failures);
        }
        report.push(format!("{name}: {} files, {} eligible, {} direct", cov.files, cov.eligible, cov.direct));
        all.files += cov.files;
        all.eligible += cov.eligible;
        all.direct += cov.direct;
    }
    let mut bench = Coverage::default();
    for i in 0..200 {
        check(bench_module(i).as_bytes(), &format!("bench module {i}"), &mut bench, &mut failures);
    }
    report.push(format!("bench modules: {} files, {} eligible, {} direct", bench.files, bench.eligible, bench.direct));
    eprintln!("direct tree coverage:\n  {}", report.join("\n  "));
    assert!(failures.is_empty(), "{} disagreements:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(bench.direct, 200, "every benchmark module takes the direct path");
    // The corpora are mostly the constructs real code uses: most eligible files take the direct path.
    assert!(all.direct * 10 >= all.eligible * 8, "direct path coverage too low: {all:?}");
}
