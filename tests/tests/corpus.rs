//! The corpus differential test: every `tests/corpus/**/*.py` (and each example project under `examples/`)
//! through mpyc and mpy-cross 1.29 (four option combos, library and binary), run on the real MicroPython
//! VM, plus the opcode coverage of the corpus.
//!
//! `MPY_CORPUS_FILTER=<substring>` checks only the matching programs; `MPY_VERBOSE=1` also prints the
//! details of expected failures. See `mpy_tests::corpus` for what is compared.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use mpy_tests::corpus::{check_program, discover, Program, ProgramResult};
use mpy_tests::expected::{enforce, Verdict};
use mpy_tests::{opcodes, par_map, report, repo_root};

const MPYC: &str = env!("CARGO_BIN_EXE_mpyc-under-test");

fn filter() -> Option<String> {
    std::env::var("MPY_CORPUS_FILTER").ok().filter(|f| !f.is_empty())
}

/// The corpus, checked once per test process and shared by the tests below.
fn results() -> &'static [ProgramResult] {
    static RESULTS: OnceLock<Vec<ProgramResult>> = OnceLock::new();
    RESULTS.get_or_init(|| {
        mpy_tests::oracles::oracles();
        let root = repo_root().join("tests/corpus");
        let mut programs = discover(&root, filter().as_deref());
        programs.extend(examples().into_iter().filter(|p| filter().is_none_or(|f| p.rel.contains(&f))));
        let start = std::time::Instant::now();
        let results = par_map(&programs, |p| check_program(p, Path::new(MPYC)));
        report::line(&format!("corpus: checked {} programs in {:.1}s", results.len(), start.elapsed().as_secs_f64()));
        results
    })
}

/// The bundled example projects (`examples/<name>/main.py` + modules), checked like multi-module programs.
fn examples() -> Vec<Program> {
    let root = repo_root().join("examples");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        if entry.path().join("main.py").is_file() {
            let mut p = Program::multi(&entry.path(), &root);
            p.category = "examples".into();
            out.push(p);
        }
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out
}

#[test]
fn corpus_matches_mpy_cross_and_runs_the_same() {
    let results = results();
    assert!(
        filter().is_some() || results.len() >= 10,
        "tests/corpus holds {} programs: the corpus is missing",
        results.len()
    );

    let corpus_errors: Vec<String> = results
        .iter()
        .filter_map(|r| r.corpus_error.as_ref().map(|e| format!("== {}: broken corpus program: {e}", r.program.rel)))
        .collect();

    let verdicts: Vec<Verdict> = results
        .iter()
        .filter(|r| r.corpus_error.is_none())
        .map(|r| Verdict { path: r.program.rel.clone(), failure: r.reason() })
        .collect();
    let (corpus, examples): (Vec<Verdict>, Vec<Verdict>) =
        verdicts.into_iter().partition(|v| v.path.starts_with("tests/corpus/"));
    let mut outcome = enforce("tests/corpus/", &corpus);
    let examples_outcome = enforce("examples/", &examples);
    outcome.violations.extend(examples_outcome.violations);
    if filter().is_some() {
        // A filtered run can't tell stale entries from filtered-out programs.
        outcome.violations.retain(|v| !v.contains("no such program was checked"));
    }

    let mut by_category: BTreeMap<&str, (usize, usize, usize, usize)> = BTreeMap::new();
    let listed = mpy_tests::expected::ExpectedFailures::load();
    for r in results {
        let e = by_category.entry(r.program.category.as_str()).or_default();
        e.0 += 1;
        match (r.corpus_error.is_some(), r.reason().is_some(), listed.entries.contains_key(&r.program.rel)) {
            (true, _, _) => e.3 += 1,
            (false, false, _) => e.1 += 1,
            (false, true, true) => e.2 += 1,
            (false, true, false) => e.3 += 1,
        }
    }
    for (cat, (n, pass, xfail, bad)) in &by_category {
        report::line(&format!(
            "corpus {cat}: {n} programs: {pass} match mpy-cross and the VM, {xfail} expected failures, {bad} unexpected"
        ));
    }
    report::line(&format!(
        "corpus total: {} programs, {} pass, {} listed in tests/corpus/EXPECTED_FAILURES ({} entries under tests/corpus/)",
        corpus.len(),
        outcome.passed,
        outcome.expected_failures,
        listed.under("tests/corpus/").count()
    ));
    report::line(&format!(
        "examples: {} projects, {} pass, {} expected failures",
        examples.len(),
        examples_outcome.passed,
        examples_outcome.expected_failures
    ));

    let verbose = std::env::var_os("MPY_VERBOSE").is_some();
    let mut message = String::new();
    for e in &corpus_errors {
        message.push_str(e);
        message.push('\n');
    }
    for v in &outcome.violations {
        message.push_str(v);
        message.push('\n');
    }
    for r in results {
        let unexpected = r.reason().is_some() && !listed.entries.contains_key(&r.program.rel);
        if unexpected || (verbose && r.reason().is_some()) {
            message.push_str(&r.details());
        }
    }
    if !corpus_errors.is_empty() || !outcome.violations.is_empty() {
        panic!(
            "{} broken corpus programs, {} ratchet violations\n{message}",
            corpus_errors.len(),
            outcome.violations.len()
        );
    } else if verbose && !message.is_empty() {
        report::line(&message);
    }
}

#[test]
fn corpus_covers_every_emittable_opcode() {
    let mut counts = BTreeMap::new();
    let mut read_errors = Vec::new();
    for r in results() {
        for bytes in &r.reference {
            if let Err(e) = opcodes::count_mpy(bytes, &mut counts) {
                read_errors.push(format!("{}: {e}", r.program.rel));
                break;
            }
        }
    }
    let (missing, text) = opcodes::coverage(&counts);
    report::line(text.trim_end());
    assert!(
        read_errors.is_empty(),
        "our reader failed on {} of mpy-cross's outputs:\n{}",
        read_errors.len(),
        mpy_tests::report::truncate_lines(&read_errors.join("\n"), 40)
    );
    if filter().is_none() {
        assert!(missing.is_empty(), "the corpus never makes mpy-cross emit: {}", missing.join(", "));
    }
}
