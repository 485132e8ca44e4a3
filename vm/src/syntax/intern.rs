//! Which string literals MicroPython's parser interns (`push_result_token` in `py/parse.c`).
//!
//! A str literal of at most 10 bytes (`MICROPY_ALLOC_PARSE_INTERN_STRING_LEN`) always becomes a qstr. A
//! longer one becomes a qstr only if that text is already a qstr when the parser reaches it, otherwise a
//! str object. At that moment the qstr pool holds: mpy-cross's built-in qstrs, the source file name (and the
//! `-s` name), and every identifier the parser consumed earlier, in token order. The decision therefore
//! only needs the token stream and the built-in pool, extracted from the mpy-cross 1.29 binary by
//! `scripts/frontend/probe_qstr_pool.py` into `data/qstr_pool.txt`.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::ast::StrKind;
use super::lexer::{TokKind, Token};

/// `MICROPY_ALLOC_PARSE_INTERN_STRING_LEN`.
pub const INTERN_STRING_LEN: usize = 10;

const POOL_TEXT: &str = include_str!("data/qstr_pool.txt");

/// The qstrs mpy-cross 1.29 has before it reads a source file (one per line in the data file; the empty
/// qstr is implied).
pub fn builtin_pool() -> &'static HashSet<&'static str> {
    static POOL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    POOL.get_or_init(|| POOL_TEXT.lines().filter(|l| !l.starts_with("#")).collect())
}

/// The interning decision for every token (meaningful for `String` tokens; `Object` elsewhere).
/// `extra` are qstrs created before parsing (the source name as passed to mpy-cross, and the `-s` name).
pub fn decide(tokens: &[Token], extra: &[String]) -> Vec<StrKind> {
    let pool = builtin_pool();
    let mut names: HashSet<&[u8]> = extra.iter().map(|s| s.as_bytes()).collect();
    tokens
        .iter()
        .map(|t| match t.kind {
            TokKind::Name => {
                names.insert(&t.text);
                StrKind::Object
            }
            TokKind::String => {
                let known = t.text.len() <= INTERN_STRING_LEN
                    || names.contains(&t.text[..])
                    || std::str::from_utf8(&t.text).is_ok_and(|s| pool.contains(s));
                if known {
                    StrKind::Qstr
                } else {
                    StrKind::Object
                }
            }
            _ => StrKind::Object,
        })
        .collect()
}
