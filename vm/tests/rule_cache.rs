//! The editor's cached rule diagnostics (`analysis::rule_diagnostics_cached`: only the top-level statements
//! an edit can affect are checked again) against a full run of the rules (`rule_diagnostics_with`,
//! `Fixes::Skip`), over a chain of edits of every program of the corpora and the rule fixtures, as an editor
//! sends them: lines deleted, duplicated and copied elsewhere, names renamed, `_NAME` twins and `const`
//! bindings added, top-level statements swapped. Every step must give exactly the full run's diagnostics,
//! and one-line edits must keep many statements' diagnostics (the point of the cache).

mod common;

use std::sync::Arc;

use mpy_vm::analysis::rule_cache::RuleCache;
use mpy_vm::analysis::{self, recover, Fixes, Settings};

/// A small deterministic generator (the test must not depend on a seed it does not print).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// The first identifier of a line, if any.
fn first_name(line: &str) -> Option<&str> {
    let start = line.find(|c: char| c.is_ascii_alphabetic() || c == '_')?;
    let rest = &line[start..];
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
    Some(&rest[..end])
}

/// One edit of `lines`, chosen by `rng`; returns its name.
fn edit(lines: &mut Vec<String>, rng: &mut Lcg) -> &'static str {
    if lines.is_empty() {
        lines.push("x = [0] * 4\n".into());
        return "insert";
    }
    let k = rng.below(lines.len());
    match rng.below(8) {
        0 => {
            lines.remove(k);
            "delete"
        }
        1 => {
            let l = lines[k].clone();
            lines.insert(k, l);
            "duplicate"
        }
        2 => {
            let j = rng.below(lines.len());
            let l = lines[j].clone();
            lines.insert(k, l);
            "copy"
        }
        3 | 4 => {
            let Some(n) = first_name(&lines[k]).map(str::to_string) else { return "none" };
            let renamed = format!("{n}x");
            lines[k] = lines[k].replacen(&n, &renamed, 1);
            "rename"
        }
        5 => {
            let Some(n) = first_name(&lines[k]).map(str::to_string) else { return "none" };
            lines.insert(rng.below(lines.len() + 1), format!("_{n} = 1\n"));
            "underscore twin"
        }
        6 => {
            lines.insert(rng.below(lines.len() + 1), "const = 3\n".into());
            "const"
        }
        _ => {
            // Swap two top-level lines (statements starting in column 0).
            let tops: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].starts_with(|c: char| c.is_ascii_alphabetic())).collect();
            if tops.len() < 2 {
                return "none";
            }
            let (a, b) = (tops[rng.below(tops.len())], tops[rng.below(tops.len())]);
            lines.swap(a, b);
            "swap"
        }
    }
}

#[test]
fn cached_rule_diagnostics_equal_a_full_run() {
    let files = common::repo_py_files(&["tests/corpus/basics", "tests/corpus/native", "tests/fuzz-findings", "vm/src/analysis/fixtures", "vm/tests/programs"], 300);
    let mut programs: Vec<(String, String)> =
        files.iter().filter_map(|f| Some((f.display().to_string(), std::fs::read_to_string(f).ok()?))).collect();
    // Two long programs with many diagnostics: every rule fixture in one file, and the rule fixtures'
    // functions and classes repeated, as in a big driver module.
    let fixtures: String = programs.iter().filter(|(n, _)| n.contains("analysis/fixtures/MP")).map(|(_, s)| format!("{s}\n")).collect();
    programs.push(("all rule fixtures".into(), fixtures.clone()));
    programs.push(("rule fixtures three times".into(), fixtures.repeat(3)));
    let settings = Settings::default();
    let (mut steps, mut diagnostics, mut statements, mut kept) = (0usize, 0usize, 0usize, 0usize);
    let mut rng = Lcg(0x5eed);
    for (name, src) in &programs {
        let mut lines: Vec<String> = src.split_inclusive('\n').map(str::to_string).collect();
        let mut cache = RuleCache::default();
        let mut what = "open";
        // The long programs: 10 chains of 20 edits, each from the original text (going back to it is one more
        // edit for the cache), so that they keep their diagnostics.
        let long = name.starts_with("all") || name.starts_with("rule");
        let original = lines.clone();
        for step in 0..if long { 200 } else { 12 } {
            if long && step > 0 && step % 20 == 0 {
                lines = original.clone();
                what = "back to the original";
            }
            let text: Arc<str> = Arc::from(lines.concat());
            let module = recover::parse_recovering(&text).module;
            let cached = analysis::rule_diagnostics_cached(&text, &module, &settings, &mut cache);
            let full = analysis::rule_diagnostics_with(&text, &module, &settings, Fixes::Skip);
            assert_eq!(cached, full, "{name} after {what}:\n{text}");
            steps += 1;
            diagnostics += full.len();
            // Reuse is measured on one-line edits of programs with diagnostics and at least 20 statements.
            if matches!(what, "delete" | "duplicate" | "rename") && !full.is_empty() && module.body.len() >= 20 {
                statements += module.body.len();
                kept += cache.kept();
            }
            what = edit(&mut lines, &mut rng);
        }
    }
    eprintln!("{} programs, {steps} steps, {diagnostics} diagnostics; one-line edits kept {kept} of {statements} statements", programs.len());
    assert!(diagnostics > 1000, "too few diagnostics ({diagnostics}) to compare");
    // Many statements keep their diagnostics after a one-line edit, even in these programs, whose edits
    // pile up (the precise counts are in the unit tests of `rule_cache`).
    assert!(kept * 4 > statements, "the cache kept only {kept} of {statements} statements");
}
