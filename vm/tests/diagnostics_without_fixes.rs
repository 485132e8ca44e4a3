//! The rules' diagnostics computed without their fixes (`Fixes::Skip`, what the editor publishes while the
//! user types) against the same diagnostics computed with them (`Fixes::Build`, what code actions and
//! `mpbuild check --fix` use): same codes, ranges, messages and severities, in the same order, on every
//! program of the corpora, the rule fixtures, and edits of them (a line deleted, a line duplicated).

mod common;


use mpy_vm::analysis::{self, recover, Diagnostic, Fixes, Settings};

/// A diagnostic without its fixes, as text.
fn key(d: &Diagnostic) -> String {
    format!("{} {:?} {:?} {}", d.code.as_str(), d.range, d.severity, d.message)
}

#[test]
fn skipping_fixes_changes_nothing_else() {
    let files = common::repo_py_files(&["tests/corpus", "tests/fuzz-findings", "vm/src/analysis/fixtures", "vm/tests/programs"], 900);
    let settings = Settings::default();
    let (mut cases, mut with_diagnostics, mut diagnostics, mut fixes) = (0usize, 0usize, 0usize, 0usize);
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else { continue };
        let lines: Vec<&str> = src.split_inclusive('\n').collect();
        let mut variants = vec![src.clone()];
        for k in [lines.len() / 3, lines.len() / 2, 2 * lines.len() / 3] {
            if k < lines.len() {
                variants.push(lines.iter().enumerate().filter(|(i, _)| *i != k).map(|(_, l)| *l).collect());
                variants.push(lines.iter().enumerate().flat_map(|(i, l)| if i == k { vec![*l, *l] } else { vec![*l] }).collect());
            }
        }
        for v in &variants {
            cases += 1;
            let module = recover::parse_recovering(v).module;
            let built = analysis::rule_diagnostics_with(v, &module, &settings, Fixes::Build);
            let skipped = analysis::rule_diagnostics_with(v, &module, &settings, Fixes::Skip);
            assert!(skipped.iter().all(|d| d.fixes.is_empty()), "{}: a fix was built with Fixes::Skip", f.display());
            let built_keys: Vec<String> = built.iter().map(key).collect();
            let skipped_keys: Vec<String> = skipped.iter().map(key).collect();
            assert_eq!(built_keys, skipped_keys, "{}: diagnostics differ without fixes", f.display());
            with_diagnostics += usize::from(!built.is_empty());
            diagnostics += built.len();
            fixes += built.iter().map(|d| d.fixes.len()).sum::<usize>();
        }
    }
    eprintln!("{cases} programs, {with_diagnostics} with diagnostics: {diagnostics} diagnostics, {fixes} fixes");
    // The comparison means something only if the programs have diagnostics with fixes.
    assert!(diagnostics > 1000 && fixes > 1000, "too few diagnostics ({diagnostics}) or fixes ({fixes}) to compare");
}
