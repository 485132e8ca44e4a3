//! Refusals: for every `tests/refusals/**/*.py`, mpyc's stderr and exit code equal mpy-cross's.
//!
//! mpy-cross's own output is the expected value, computed at test time (nothing is stored by hand). A
//! program may start with `# mpy-cross-args: <args>` to be compiled with extra arguments (for example
//! `-march=x64`); the library is checked too when there are none.

use std::ffi::OsString;
use std::path::Path;

use mpy_tests::compare::{cli_failure, lib_failure, run_compiler, run_mpy_cross};
use mpy_tests::corpus::Failure;
use mpy_tests::expected::{enforce, Verdict};
use mpy_tests::{files_with_ext, par_map, rel_path, report, repo_root};

const MPYC: &str = env!("CARGO_BIN_EXE_mpyc-under-test");
const MIN_CASES: usize = 60;

/// Extra arguments from a `# mpy-cross-args:` line among the first lines.
fn directive(source: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(&source[..source.len().min(1000)]);
    text.lines()
        .take(5)
        .find_map(|l| l.strip_prefix("# mpy-cross-args:"))
        .map(|a| a.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

enum Checked {
    Broken(String),
    Done(Vec<Failure>),
}

fn check(path: &Path) -> Checked {
    let rel = rel_path(path);
    let Ok(source) = std::fs::read(path) else { return Checked::Broken(format!("{rel}: can't read")) };
    let Ok(tmp) = tempfile::tempdir() else { return Checked::Broken("no temporary directory".into()) };
    let out = tmp.path().join("out.mpy");
    let extra = directive(&source);
    let mut args: Vec<OsString> = extra.iter().map(OsString::from).collect();
    args.extend([rel.clone().into(), "-o".into(), out.clone().into_os_string()]);

    let reference = match run_mpy_cross(&args, &repo_root(), &out) {
        Ok(r) => r,
        Err(e) => return Checked::Broken(format!("{rel}: can't run mpy-cross: {e}")),
    };
    if !reference.refused() {
        return Checked::Broken(format!("{rel}: mpy-cross compiles it, so it is not a refusal (move it to tests/corpus/)"));
    }
    let mut failures = Vec::new();
    match run_compiler(Path::new(MPYC), &args, &repo_root(), &out) {
        Ok(actual) => failures.extend(cli_failure("mpyc binary", &reference, &actual)),
        Err(e) => failures.push(Failure { summary: format!("can't run mpyc: {e}"), detail: String::new() }),
    }
    if extra.is_empty() {
        failures.extend(lib_failure("mpy_vm", &reference, &source, &rel, 0));
    }
    Checked::Done(failures)
}

#[test]
fn refusals_match_mpy_cross_stderr_and_exit_code() {
    mpy_tests::oracles::oracles();
    let files = files_with_ext(&repo_root().join("tests/refusals"), ".py");
    let results = par_map(&files, |p| check(p));

    let mut broken = Vec::new();
    let mut verdicts = Vec::new();
    let mut details = String::new();
    let listed = mpy_tests::expected::ExpectedFailures::load();
    for (path, r) in files.iter().zip(&results) {
        let rel = rel_path(path);
        match r {
            Checked::Broken(e) => broken.push(e.clone()),
            Checked::Done(failures) => {
                let reason = failures.first().map(|f| {
                    let more = failures.len() - 1;
                    if more > 0 { format!("{} (+{more} more)", f.summary) } else { f.summary.clone() }
                });
                if reason.is_some() && (!listed.entries.contains_key(&rel) || std::env::var_os("MPY_VERBOSE").is_some()) {
                    for f in failures {
                        details.push_str(&format!("== {rel}: {}\n{}\n", f.summary, f.detail.trim_end()));
                    }
                }
                verdicts.push(Verdict { path: rel, failure: reason });
            }
        }
    }
    let outcome = enforce("tests/refusals/", &verdicts);
    report::line(&format!(
        "refusals: {} programs: {} match mpy-cross's stderr and exit code, {} expected failures, {} unexpected, {} broken",
        files.len(),
        outcome.passed,
        outcome.expected_failures,
        outcome.violations.len(),
        broken.len()
    ));
    assert!(files.len() >= MIN_CASES, "tests/refusals holds {} programs; at least {MIN_CASES} are required", files.len());
    assert!(
        broken.is_empty() && outcome.violations.is_empty(),
        "{}\n{}\n{details}",
        broken.join("\n"),
        outcome.violations.join("\n")
    );
}
