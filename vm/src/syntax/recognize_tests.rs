//! Tests of the grammar recognizer: its fast paths (plain atoms, sub-rules skipped as certain clean failures)
//! against the full loop over every corpus and refusal program and mutations of them.

use super::*;
use crate::syntax::lexer::Lexer;

fn sources() -> Vec<(String, Vec<u8>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut dirs = vec![root.join("corpus"), root.join("refusals")];
    let mut out = Vec::new();
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "py") {
                if let Ok(b) = std::fs::read(&p) {
                    out.push((p.display().to_string(), b));
                }
            }
        }
    }
    out.sort();
    out
}

/// The descents the fast path skips push at most [`shortcut::DESCENT_PEAK`] entries (measured on the
/// full loop over every corpus program).
#[test]
fn descent_peak_bounds_the_full_loop() {
    let mut deepest = 0;
    for (name, src) in sources() {
        let toks = Lexer::tokenize(&src, 0);
        let (_, _, descent) = recognize_with(&toks, false);
        assert!(descent <= shortcut::DESCENT_PEAK, "{name}: {descent}");
        deepest = deepest.max(descent);
    }
    assert!(deepest > 10, "no descent measured");
}

/// With and without the fast paths, the parse loop gives the same verdict, facts and rule-stack
/// allocation on every corpus and refusal program and on token-level mutations of them (a token
/// deleted, duplicated, swapped with the next or replaced by another token of the program; one or three
/// mutations).
#[test]
fn fast_path_agrees_with_the_full_loop() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut below = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    let mut checked = 0;
    for (name, src) in sources() {
        let tokens = Lexer::tokenize(&src, 0);
        if tokens.len() > 5000 {
            continue;
        }
        for k in 0..60 {
            let mut m = tokens.clone();
            // One mutation for the first 40 variants, three for the others.
            let mutations = match k {
                0 => 0,
                1..40 => 1,
                _ => 3,
            };
            for _ in 0..mutations {
                let body = m.len().saturating_sub(1).max(1);
                let i = below(body);
                match below(4) {
                    0 if m.len() > 2 => {
                        m.remove(i);
                    }
                    1 => m.insert(i, m[i].clone()),
                    2 if i + 1 < body => m.swap(i, i + 1),
                    _ => m[i] = tokens[below(tokens.len())].clone(),
                }
            }
            let (fast, fast_alloc, _) = recognize_with(&m, true);
            let (full, full_alloc, _) = recognize_with(&m, false);
            assert_eq!(fast, full, "{name} (mutation {k})");
            assert_eq!(fast_alloc, full_alloc, "{name} (mutation {k})");
            checked += 1;
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// Deeply nested brackets: the skips are taken only where the skipped descent could not have grown the
/// rule stack's allocation, so the `MemoryError` comes at the same token with the same size.
#[test]
fn fast_paths_keep_the_memory_error() {
    let mut memory = 0;
    for (open, close) in [("(", ")"), ("[", "]"), ("{", "}"), ("(", ""), ("[x, ", "]"), ("{1: ", "}")] {
        for depth in [3000usize, 9000, 9050, 9100, 20_000] {
            let src = format!("x = {}1{}\n", open.repeat(depth), close.repeat(depth));
            let tokens = Lexer::tokenize(src.as_bytes(), 0);
            let (fast, fast_alloc, _) = recognize_with(&tokens, true);
            let (full, full_alloc, _) = recognize_with(&tokens, false);
            assert_eq!(fast, full, "{open} {depth}");
            assert_eq!(fast_alloc, full_alloc, "{open} {depth}");
            memory += usize::from(matches!(full, Err(Stop { failure: Failure::Memory { .. }, .. })));
        }
    }
    assert!(memory >= 6, "{memory}");
}

/// The skip table: simulated descents that consume, raise an error, succeed without consuming or record
/// a fact are never skipped; many others are.
#[test]
fn skip_table_marks_only_clean_failures() {
    use crate::syntax::grammar::{rule_index as r, terminal_index as t};
    let at = |rule: usize, term: u8| skip::peak(rule, skip::col(term));
    // Consumes the token.
    assert_eq!(at(r("funcdef"), t("def")), 0);
    assert_eq!(at(r("atom"), t("NAME")), 0);
    // Succeeds without consuming (its only argument is optional).
    assert_eq!(at(r("file_input"), t("END")), 0);
    // Records a fact on entry.
    assert_eq!(at(r("dictorsetmaker_item"), t(")")), 0);
    // Fails cleanly, at various depths.
    assert_eq!(at(r("funcdef"), t("NAME")), 1);
    assert!(at(r("compound_stmt"), t("NAME")) > 1);
    assert!(at(r("test"), t(")")) > 5);
    assert_eq!(at(r("test"), crate::syntax::grammar::NO_TERMINAL), at(r("test"), t(")")));
    // Every entry agrees with a fresh simulation, and a descent that errs without consuming exists (an
    // `and` rule whose leading optional arguments all fail, then a token that does not match).
    let mut clean = 0;
    let mut errs = 0;
    for rule in 0..crate::syntax::grammar::RULES.len() {
        for c in 0..skip::COLS {
            let sim = skip::simulate(rule, c as u8);
            assert_eq!(skip::peak(rule, c as u8), sim.filter(|&p| p < 255).unwrap_or(0));
            clean += usize::from(sim.is_some());
            errs += usize::from(sim_errs(rule, c as u8));
        }
    }
    assert!(clean > 5000, "{clean}");
    assert!(errs > 0, "{errs}");
}

/// Whether the simulated descent from `rule` on `term` stops with a syntax error before consuming.
fn sim_errs(rule: usize, term: u8) -> bool {
    let mut p = Parser::simulator(term);
    // A consumption also stops the simulation with an error: count only descents that cannot consume
    // this token anywhere, i.e. that err before reaching a terminal equal to it.
    let res = parse_loop(&mut p, false, rule);
    res.is_err() && !consumes_somewhere(rule, term)
}

/// Whether any rule reachable from `rule` names terminal `term` (a coarse over-approximation of
/// "may consume it").
fn consumes_somewhere(rule: usize, term: u8) -> bool {
    use crate::syntax::grammar::{Arg, GRAMMAR};
    let mut seen = vec![false; GRAMMAR.kinds.len()];
    let mut todo = vec![rule];
    while let Some(r) = todo.pop() {
        if std::mem::replace(&mut seen[r], true) {
            continue;
        }
        for a in GRAMMAR.args(r) {
            match *a {
                Arg::Tok(t) if t == term => return true,
                Arg::Tok(_) => {}
                Arg::Rule(s) | Arg::OptRule(s) => todo.push(usize::from(s)),
            }
        }
    }
    false
}
