//! The expected-failure ratchet: `tests/corpus/EXPECTED_FAILURES` lists the programs known not to match yet.
//!
//! Each line is `<path> <reason>`; `#` starts a comment line. Paths are repo-relative for corpus and refusal
//! programs (`tests/corpus/basics/x.py`) and `pypi/<name>-<version>/<file>` for the PyPI packages. A test
//! owns the entries under its prefix and fails when a program it checks:
//! - fails and is not listed (a regression, or a new program that doesn't pass),
//! - passes and is still listed (the list must shrink as the compiler improves),
//! - is listed but no longer exists.
//!
//! With `MPY_UPDATE_EXPECTED=1` (see `scripts/update-expected-failures`) a test rewrites its own entries
//! from what it observed instead of failing on them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::repo_root;

/// The list's location.
pub fn list_path() -> PathBuf {
    repo_root().join("tests/corpus/EXPECTED_FAILURES")
}

const HEADER: &str = "\
# Programs known not to match mpy-cross 1.29 / the MicroPython VM yet: `<path> <reason>` per line.
# The tests fail when a listed program passes (remove it) or an unlisted one fails, so this list only shrinks.
# Regenerate with scripts/update-expected-failures; never add entries by hand to hide a regression.
";

/// The parsed list: path -> reason.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExpectedFailures {
    pub entries: BTreeMap<String, String>,
}

impl ExpectedFailures {
    pub fn parse(text: &str) -> Self {
        let mut entries = BTreeMap::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (path, reason) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            entries.insert(path.to_string(), reason.trim().to_string());
        }
        ExpectedFailures { entries }
    }

    /// Reads the committed list (an absent file is an empty list).
    pub fn load() -> Self {
        Self::parse(&std::fs::read_to_string(list_path()).unwrap_or_default())
    }

    pub fn render(&self) -> String {
        let mut s = HEADER.to_string();
        for (path, reason) in &self.entries {
            s.push_str(path);
            if !reason.is_empty() {
                s.push(' ');
                s.push_str(reason);
            }
            s.push('\n');
        }
        s
    }

    /// Entries whose path starts with `prefix`.
    pub fn under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a String, &'a String)> + 'a {
        self.entries.iter().filter(move |(p, _)| p.starts_with(prefix))
    }
}

/// What one program did: its path and `None` when it passed, else a one-line reason.
#[derive(Clone, Debug)]
pub struct Verdict {
    pub path: String,
    pub failure: Option<String>,
}

/// The ratchet's findings for one test.
#[derive(Clone, Debug, Default)]
pub struct RatchetOutcome {
    pub passed: usize,
    /// Listed and still failing.
    pub expected_failures: usize,
    /// Violations: unlisted failures, listed passes, stale entries (one message each).
    pub violations: Vec<String>,
}

/// Checks `verdicts` (all programs under `prefix`) against the list.
pub fn check(list: &ExpectedFailures, prefix: &str, verdicts: &[Verdict]) -> RatchetOutcome {
    let mut out = RatchetOutcome::default();
    let seen: std::collections::BTreeSet<&str> = verdicts.iter().map(|v| v.path.as_str()).collect();
    for v in verdicts {
        match (&v.failure, list.entries.contains_key(&v.path)) {
            (None, false) => out.passed += 1,
            (Some(_), true) => out.expected_failures += 1,
            (None, true) => out.violations.push(format!(
                "{}: passes now but is listed in tests/corpus/EXPECTED_FAILURES: remove it (scripts/update-expected-failures)",
                v.path
            )),
            (Some(reason), false) => {
                out.violations.push(format!("{}: FAILS and is not an expected failure: {reason}", v.path))
            }
        }
    }
    for (path, _) in list.under(prefix) {
        if !seen.contains(path.as_str()) {
            out.violations.push(format!(
                "{path}: listed in tests/corpus/EXPECTED_FAILURES but no such program was checked: remove it"
            ));
        }
    }
    out
}

/// True when the run should rewrite the list instead of enforcing it.
pub fn update_mode() -> bool {
    std::env::var_os("MPY_UPDATE_EXPECTED").is_some_and(|v| v == "1")
}

/// Replaces the entries under `prefix` with the failures in `verdicts` and writes the list back.
pub fn rewrite(prefix: &str, verdicts: &[Verdict]) -> std::io::Result<()> {
    let mut list = ExpectedFailures::load();
    list.entries.retain(|p, _| !p.starts_with(prefix));
    for v in verdicts {
        if let Some(reason) = &v.failure {
            let one_line: String = reason.lines().next().unwrap_or("").chars().take(160).collect();
            list.entries.insert(v.path.clone(), one_line);
        }
    }
    std::fs::write(list_path(), list.render())
}

/// Applies the ratchet for one test: in update mode rewrites the list, otherwise returns the outcome whose
/// violations the caller must turn into a failure. The summary line names how many entries are listed.
pub fn enforce(prefix: &str, verdicts: &[Verdict]) -> RatchetOutcome {
    if update_mode() {
        rewrite(prefix, verdicts).expect("write tests/corpus/EXPECTED_FAILURES");
        let failures = verdicts.iter().filter(|v| v.failure.is_some()).count();
        crate::report::line(&format!(
            "EXPECTED_FAILURES updated for {prefix}: {failures} entries"
        ));
        return RatchetOutcome {
            passed: verdicts.len() - failures,
            expected_failures: failures,
            violations: Vec::new(),
        };
    }
    check(&ExpectedFailures::load(), prefix, verdicts)
}
