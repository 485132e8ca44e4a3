//! Tests of the grammar recognizer: its fast path against the full loop over every corpus and refusal program.

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

/// With and without the fast path, the parse loop gives the same verdict, facts and rule-stack
/// allocation on every corpus and refusal program and on token-level mutations of them (a token
/// deleted, duplicated, swapped with the next or replaced by another token of the program).
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
        for k in 0..40 {
            let mut m = tokens.clone();
            if k > 0 {
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
