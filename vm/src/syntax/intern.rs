//! Which string literals MicroPython's parser interns (`push_result_token` in `py/parse.c`).
//!
//! A str literal of at most 10 bytes (`MICROPY_ALLOC_PARSE_INTERN_STRING_LEN`) always becomes a qstr. A
//! longer one becomes a qstr only if that text is already a qstr when the parser reaches it, otherwise a
//! str object. At that moment the qstr pool holds: mpy-cross's built-in qstrs, the source file name (and the
//! `-s` name), and every identifier the parser consumed earlier, in token order. The decision therefore
//! only needs the token stream and the built-in pool, extracted from the mpy-cross 1.29 binary by
//! `scripts/frontend/probe_qstr_pool.py` into `data/qstr_pool.txt`.

use crate::hash::FxHashSet;

use super::ast::StrKind;
use super::lexer::{TokKind, Token};

/// `MICROPY_ALLOC_PARSE_INTERN_STRING_LEN`.
pub const INTERN_STRING_LEN: usize = 10;

const POOL_TEXT: &str = include_str!("data/qstr_pool.txt");

/// Whether `s` is one of the qstrs mpy-cross 1.29 has before it reads a source file (one per line in the
/// data file, sorted by bytes, after `#` comment lines; the empty qstr is implied). A binary search over
/// the text itself: nothing is built at start-up.
pub fn in_builtin_pool(s: &[u8]) -> bool {
    let text = POOL_TEXT.as_bytes();
    let mut lo = 0;
    while text.get(lo) == Some(&b'#') {
        lo = text[lo..].iter().position(|&c| c == b'\n').map_or(text.len(), |p| lo + p + 1);
    }
    let mut hi = text.len();
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = text[lo..mid].iter().rposition(|&c| c == b'\n').map_or(lo, |p| lo + p + 1);
        let end = text[start..hi].iter().position(|&c| c == b'\n').map_or(hi, |p| start + p);
        match text[start..end].cmp(s) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// The interning decision for every token (meaningful for `String` tokens; `Object` elsewhere).
/// `extra` are qstrs created before parsing (the source name as passed to mpy-cross, and the `-s` name).
pub fn decide(tokens: &[Token], extra: &[String]) -> Vec<StrKind> {
    // The names seen so far are only needed for long strings: collected lazily, up to the string.
    let mut names: FxHashSet<&[u8]> = extra.iter().map(|s| s.as_bytes()).collect();
    let mut collected = 0;
    let mut out = Vec::with_capacity(tokens.len());
    for (i, t) in tokens.iter().enumerate() {
        let kind = match t.kind {
            TokKind::String if t.text.len() > INTERN_STRING_LEN => {
                for n in &tokens[collected..i] {
                    if n.kind == TokKind::Name {
                        names.insert(&n.text);
                    }
                }
                collected = i;
                if names.contains(&t.text[..]) || in_builtin_pool(&t.text) {
                    StrKind::Qstr
                } else {
                    StrKind::Object
                }
            }
            TokKind::String => StrKind::Qstr,
            _ => StrKind::Object,
        };
        out.push(kind);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_lookup_finds_every_line_and_nothing_else() {
        let lines: Vec<&str> = POOL_TEXT.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(lines.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()), "the pool file must stay sorted");
        for l in &lines {
            assert!(in_builtin_pool(l.as_bytes()), "{l}");
            assert!(!in_builtin_pool(format!("{l}x").as_bytes()));
        }
        assert!(!in_builtin_pool(b"") && !in_builtin_pool(b"zzzzzzzzzzzzzz") && !in_builtin_pool(b"AAAAAAAAAAAA"));
    }
}
