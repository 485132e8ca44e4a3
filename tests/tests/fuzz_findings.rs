//! The differential fuzzer in the test command:
//! - every minimised finding kept under `tests/fuzz-findings/` (written by `difffuzz --save`) compiles to
//!   mpy-cross's bytes, or is refused with mpy-cross's error text, with the options of its
//!   `# mpy-cross-args:` line (the expected-failure ratchet applies, prefix `tests/fuzz-findings/`);
//! - a short run: 2,000 generated programs (fixed seeds) with no difference from mpy-cross but those listed
//!   as expected failures (`difffuzz/seed-<N>`, while their cause is open).
//!
//! The expected values are mpy-cross's outputs, computed here at test time.

use mpy_tests::difffuzz::{compare, parse_finding, run_many, Report, RunOptions, Verdict};
use mpy_tests::expected::{enforce, Verdict as Ratchet};
use mpy_tests::{files_with_ext, rel_path, report, repo_root};

#[test]
fn kept_findings_match_mpy_cross() {
    let dir = repo_root().join("tests/fuzz-findings");
    let files = files_with_ext(&dir, ".py");
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut verdicts = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("read a finding");
        let case = parse_finding(&text);
        let v = compare(&case.source, &case.args(), &case.options(), tmp.path()).expect("run mpy-cross");
        let failure = match v {
            Verdict::Same { .. } => None,
            Verdict::Differs { kind, summary } => Some(format!("{kind:?}: {summary}")),
        };
        verdicts.push(Ratchet { path: rel_path(path), failure });
    }
    let outcome = enforce("tests/fuzz-findings/", &verdicts);
    report::line(&format!(
        "fuzz findings: {} match mpy-cross, {} expected failures, {} violations",
        outcome.passed,
        outcome.expected_failures,
        outcome.violations.len()
    ));
    assert!(outcome.violations.is_empty(), "{}", outcome.violations.join("\n"));
}

/// The short run goes through the ratchet too: a program that differs is `difffuzz/seed-<N>` in
/// `tests/corpus/EXPECTED_FAILURES` while its cause (found and kept under `tests/fuzz-findings/`) is open.
/// `difffuzz --seed N --count 1` prints it minimised.
#[test]
fn two_thousand_generated_programs_match_mpy_cross() {
    let o = RunOptions { first_seed: 1, count: 2000, threads: 2, minimise: false, save_to: None, progress_every: 0 };
    let r: Report = run_many(&o, &|_| {}).expect("run mpy-cross");
    assert_eq!(r.programs, 2000);
    assert!(r.unavailable.is_empty(), "mpy-cross gave no answer for: {:?}", r.unavailable);
    // Most generated programs must compile: a generator that only makes syntax errors tests nothing.
    assert!(r.same_bytes * 10 >= r.programs * 7, "only {} of {} generated programs compiled", r.same_bytes, r.programs);
    let verdicts: Vec<Ratchet> = (o.first_seed..o.first_seed + o.count)
        .map(|seed| {
            let failure = r.differing.iter().find(|d| d.0 == seed).map(|d| format!("{:?}: {}", d.1, d.2));
            Ratchet { path: format!("difffuzz/seed-{seed}"), failure }
        })
        .collect();
    let outcome = enforce("difffuzz/", &verdicts);
    report::line(&format!(
        "difffuzz: {} programs, {} same bytes, {} same error text, {} differ ({} expected failures), {} violations",
        r.programs,
        r.same_bytes,
        r.same_error,
        r.differing.len(),
        outcome.expected_failures,
        outcome.violations.len()
    ));
    assert!(outcome.violations.is_empty(), "{}", outcome.violations.join("\n"));
}

/// The direct tree builder (`vm::syntax::direct`) on generated programs: whenever it answers, its tree and
/// side tables equal what `lower` makes of rustpython's parse (with each program's `-O` level). Most of
/// the programs the recognizer accepts without mends take it.
#[test]
fn generated_programs_direct_tree_equals_lowered_tree() {
    use mpy_vm::syntax::{direct_and_lowered, ParseOptions};
    let (mut eligible, mut direct, mut failures) = (0usize, 0usize, Vec::new());
    // `MPY_DIRECT_SEEDS` runs more of them.
    let seeds: u64 = std::env::var("MPY_DIRECT_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(5000);
    for seed in 1..=seeds {
        let case = mpy_tests::difffuzz::Case::generate(seed);
        let opts = ParseOptions { opt_level: case.opt, known_qstrs: vec![mpy_tests::difffuzz::SOURCE_NAME.to_string()] };
        let Some((d, lowered)) = direct_and_lowered(case.source.as_bytes(), &opts) else { continue };
        eligible += 1;
        let Some(d) = d else { continue };
        direct += 1;
        match lowered {
            Ok(l) if l == d => {}
            Ok(_) => failures.push(format!("seed {seed}: trees differ")),
            Err(e) => failures.push(format!("seed {seed}: direct answered, the reference parser refused: {e}")),
        }
    }
    report::line(&format!("direct tree on generated programs: {eligible} eligible, {direct} direct, {} disagreements", failures.len()));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(direct * 10 >= eligible * 9, "direct path coverage too low: {direct} of {eligible}");
}
