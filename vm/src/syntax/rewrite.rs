//! The text rustpython parses, rebuilt from MicroPython's token stream.
//!
//! rustpython should only decide the *structure*. Everything MicroPython's lexer decides is taken from our
//! [`lexer`](super::lexer) instead, and the text handed to rustpython is made so that it cannot disagree:
//! * each string/bytes run becomes a blank placeholder literal of the same length (values, escapes,
//!   prefixes and nested quotes are the lexer's business);
//! * an f-string run is followed by the `.format(...)` tokens the lexer injects (the f-string rewrite);
//! * identifiers that are not plain ASCII become placeholder names (MicroPython takes any byte ≥ 0x80);
//! * numbers lose their underscores, `__debug__` becomes `True`/`False` (padded to the same length);
//! * whitespace and comments between tokens are copied, with non-ASCII bytes blanked.
//!
//! Alongside the text come: an [`OffsetMap`] back to the original, the MicroPython line of every token
//! start (which can differ from the physical line after f-strings), the token behind each literal, and the
//! real spelling of each placeholder name.

use std::collections::HashMap;

use super::lexer::{TokKind, Token};
use super::source::OffsetMap;

/// The rebuilt text and everything needed to read rustpython's answer in MicroPython's terms.
#[derive(Debug, Default)]
pub struct Rewritten {
    pub text: String,
    pub map: OffsetMap,
    /// `(text_offset, mp_line)` at each token start, sorted by offset.
    pub lines: Vec<(u32, u32)>,
    /// Token index of the literal (string run or number) starting at a text offset.
    pub literals: HashMap<u32, usize>,
    /// Placeholder identifier → original spelling.
    pub names: HashMap<String, String>,
}

impl Rewritten {
    /// MicroPython's line for a node starting at `offset` in the rebuilt text.
    pub fn line_at(&self, offset: u32) -> u32 {
        match self.lines.binary_search_by(|p| p.0.cmp(&offset)) {
            Ok(i) => self.lines[i].1,
            Err(0) => self.lines.first().map_or(1, |p| p.1),
            Err(i) => self.lines[i - 1].1,
        }
    }

    /// The original spelling of an identifier rustpython reports.
    pub fn name(&self, s: &str) -> String {
        self.names.get(s).cloned().unwrap_or_else(|| s.to_string())
    }

    /// Makes rustpython take two constructs MicroPython's parser accepts and rustpython refuses, by editing
    /// the text in place (same length, so every map stays valid). Returns whether anything changed.
    /// * A repeated keyword argument (`f(a=1, a=2)`, a runtime error in MicroPython): the identifier at
    ///   `at` becomes a fresh name of the same length that maps back to the original spelling.
    /// * A bare `*` with no keyword-only parameter after it (`def f(*)`, compiled like `def f()`): the
    ///   `*` at `at` and a comma after it are blanked.
    pub fn repair(&mut self, at: u32, bare_star: bool) -> bool {
        let b = self.text.as_bytes();
        let at = at as usize;
        if bare_star {
            let Some(star) = b[at.min(b.len())..].iter().position(|&c| c == b'*').map(|p| p + at) else {
                return false;
            };
            let mut blank = vec![star];
            if let Some(next) = b[star + 1..].iter().position(|c| !c.is_ascii_whitespace()).map(|p| p + star + 1) {
                if b[next] == b',' {
                    blank.push(next);
                }
            }
            let mut bytes = std::mem::take(&mut self.text).into_bytes();
            for i in blank {
                bytes[i] = b' ';
            }
            self.text = String::from_utf8(bytes).unwrap_or_default();
            return true;
        }
        let end = b[at.min(b.len())..].iter().position(|c| !(c.is_ascii_alphanumeric() || *c == b'_')).map_or(b.len(), |p| p + at);
        if end <= at {
            return false;
        }
        let real = self.name(&self.text[at..end]);
        let len = end - at;
        let taken = |cand: &str| has_word(&self.text, cand) || self.names.contains_key(cand);
        // Candidates: letters in base 52, padded with `Q` to the same length.
        const LETTERS: &[u8] = b"QZXJKVWYqzxjkvwyABCDEFGHILMNOPRSTUabcdefghilmnoprstu";
        let fresh = (0..100_000usize)
            .map(|mut i| {
                let mut s = Vec::with_capacity(len);
                while s.len() < len {
                    s.push(LETTERS[i % LETTERS.len()]);
                    i /= LETTERS.len();
                }
                String::from_utf8(s).unwrap_or_default()
            })
            .find(|c| !taken(c));
        let Some(fresh) = fresh else { return false };
        self.text.replace_range(at..end, &fresh);
        self.names.insert(fresh, real);
        true
    }
}

const PLACEHOLDER: &str = "__mpy_name_";

struct Builder<'a> {
    src: &'a [u8],
    out: Rewritten,
    /// Original offset up to which the source has been emitted.
    cursor: u32,
}

/// Rebuilds the text from `tokens` (the complete stream, ending with `End`).
pub fn rewrite(src: &[u8], tokens: &[Token]) -> Rewritten {
    let mut b = Builder { src, out: Rewritten { map: OffsetMap::new(), ..Default::default() }, cursor: 0 };
    for (i, tok) in tokens.iter().enumerate() {
        if tok.injected {
            b.injected(i, tok);
        } else {
            b.original(i, tok);
        }
    }
    let end = src.len() as u32;
    b.separator(end);
    b.out
}

impl Builder<'_> {
    fn pos(&self) -> u32 {
        self.out.text.len() as u32
    }

    /// Copies source bytes `[cursor, to)` (blanks, comments), blanking non-ASCII bytes.
    fn separator(&mut self, to: u32) {
        if to <= self.cursor {
            return;
        }
        let start = self.pos();
        self.out.map.copied(start, self.cursor, to - self.cursor);
        for &c in &self.src[self.cursor as usize..to as usize] {
            self.out.text.push(if c.is_ascii() && c != 0 { c as char } else { ' ' });
        }
        self.cursor = to;
    }

    /// Emits `text` in place of source bytes `[start, end)`.
    fn replace(&mut self, start: u32, end: u32, text: &str) {
        let at = self.pos();
        if text.len() as u32 == end - start {
            self.out.map.copied(at, start, end - start);
        } else {
            self.out.map.inserted(at, start);
        }
        self.out.text.push_str(text);
        self.cursor = end;
    }

    fn original(&mut self, i: usize, tok: &Token) {
        self.separator(tok.start);
        let at = self.pos();
        self.out.lines.push((at, tok.line));
        let orig = &self.src[tok.start as usize..tok.end as usize];
        match &tok.kind {
            TokKind::Newline | TokKind::Indent | TokKind::Dedent | TokKind::DedentMismatch | TokKind::End => {}
            TokKind::String | TokKind::Bytes => {
                self.out.literals.insert(at, i);
                let text = placeholder_literal(tok.kind == TokKind::Bytes, orig.len());
                self.replace(tok.start, tok.end, &text);
            }
            TokKind::Integer | TokKind::FloatOrImag => {
                self.out.literals.insert(at, i);
                let mut text = String::from_utf8_lossy(&tok.text).into_owned();
                while text.len() < orig.len() {
                    text.push(' ');
                }
                self.replace(tok.start, tok.end, &text);
            }
            TokKind::Name => {
                let text = self.name_text(&tok.text);
                self.replace(tok.start, tok.end, &text);
            }
            TokKind::Keyword(k) => {
                let mut text = k.to_string();
                while text.len() < orig.len() {
                    text.push(' ');
                }
                self.replace(tok.start, tok.end, &text);
            }
            _ => {
                let text = String::from_utf8_lossy(orig).into_owned();
                self.replace(tok.start, tok.end, &text);
            }
        }
    }

    fn injected(&mut self, i: usize, tok: &Token) {
        let at_orig = tok.start;
        self.out.map.inserted(self.pos(), at_orig);
        self.out.text.push(' ');
        let at = self.pos();
        self.out.map.inserted(at, at_orig);
        self.out.lines.push((at, tok.line));
        let text = match &tok.kind {
            TokKind::String | TokKind::Bytes => {
                self.out.literals.insert(at, i);
                placeholder_literal(tok.kind == TokKind::Bytes, tok.text.len() + 2)
            }
            TokKind::Integer | TokKind::FloatOrImag => {
                self.out.literals.insert(at, i);
                String::from_utf8_lossy(&tok.text).into_owned()
            }
            TokKind::Name => self.name_text(&tok.text),
            TokKind::Keyword(k) => k.to_string(),
            TokKind::Op(o) => o.to_string(),
            _ => String::new(),
        };
        self.out.text.push_str(&text);
    }

    /// An identifier as rustpython should see it: ASCII ones as they are, others as a placeholder.
    fn name_text(&mut self, spelling: &[u8]) -> String {
        if spelling.is_ascii() {
            return String::from_utf8_lossy(spelling).into_owned();
        }
        let real = String::from_utf8_lossy(spelling).into_owned();
        if let Some((k, _)) = self.out.names.iter().find(|(_, v)| **v == real) {
            return k.clone();
        }
        let key = format!("{PLACEHOLDER}{}", self.out.names.len());
        self.out.names.insert(key.clone(), real);
        key
    }
}

/// Whether `word` occurs in `text` as a whole identifier.
fn has_word(text: &str, word: &str) -> bool {
    let b = text.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    text.match_indices(word).any(|(i, _)| {
        let before = i.checked_sub(1).map(|j| b[j]);
        let after = b.get(i + word.len()).copied();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

/// A blank literal of exactly `len` bytes (at least `""` / `b""`).
fn placeholder_literal(bytes: bool, len: usize) -> String {
    let mut s = String::with_capacity(len.max(3));
    if bytes {
        s.push('b');
    }
    s.push('"');
    let inner = len.saturating_sub(s.len() + 1);
    for _ in 0..inner {
        s.push(' ');
    }
    s.push('"');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::lexer::Lexer;

    fn text(src: &str) -> String {
        let toks = Lexer::tokenize(src.as_bytes(), 0);
        rewrite(src.as_bytes(), &toks).text
    }

    #[test]
    fn rebuilds_text() {
        assert_eq!(text("x = 'a' # c\n"), "x = \" \" # c\n");
        assert_eq!(text("x = f'{a}b'\n"), "x = \"     \" . format ( ( a ) , )\n");
        assert_eq!(text("y = 1_0 + __debug__\n"), "y = 10  + True     \n");
        assert_eq!(text("é = b'\\xff'\n"), "__mpy_name_0 = b\"    \"\n");
    }

    #[test]
    fn lines_follow_micropython() {
        let src = "x = f'''{\na}'''\ny\n";
        let toks = Lexer::tokenize(src.as_bytes(), 0);
        let rw = rewrite(src.as_bytes(), &toks);
        let y = rw.text.find('y').unwrap() as u32;
        assert_eq!(rw.line_at(y), 4);
        assert_eq!(rw.map.to_original(y), src.find('y').unwrap() as u32);
    }
}
