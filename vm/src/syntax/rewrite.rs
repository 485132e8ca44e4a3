//! The text rustpython parses, rebuilt from MicroPython's token stream.
//!
//! rustpython should only decide the *structure*. Everything MicroPython's lexer decides is taken from our
//! [`lexer`](super::lexer) instead, and the text handed to rustpython is made so that it cannot disagree:
//! * each string/bytes run becomes an empty placeholder literal (values, escapes, prefixes and nested
//!   quotes are the lexer's business);
//! * an f-string run is followed by the `.format(...)` tokens the lexer injects (the f-string rewrite);
//! * identifiers that are not plain ASCII become placeholder names (MicroPython takes any byte ≥ 0x80);
//! * numbers lose their underscores, `__debug__` becomes `True`/`False` (padded to the same length);
//! * whitespace between tokens is copied (non-ASCII bytes blanked, indentation in MicroPython's columns);
//!   comments are left out.
//!
//! rustpython's lexer costs time per character, so the text is kept short: nothing of a literal's or a
//! comment's contents reaches it.
//!
//! Alongside the text come: an [`OffsetMap`] back to the original, the MicroPython line of every token
//! start (which can differ from the physical line after f-strings), the token behind each literal, and the
//! real spelling of each placeholder name.

use crate::hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lexer::{TokKind, Token};
use super::mend::Edit;
use super::source::OffsetMap;

/// A token of the rebuilt text, for handing rustpython its tokens directly (see `lower`): its kind, and
/// its byte range in the text (a name's spelling is the text there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RwTok {
    Name,
    Keyword(&'static str),
    Op(&'static str),
    Number,
    Str,
    Bytes,
    Newline,
    Indent,
    Dedent,
    End,
}

/// The rebuilt text and everything needed to read rustpython's answer in MicroPython's terms.
#[derive(Debug, Default)]
pub struct Rewritten {
    pub text: String,
    pub map: OffsetMap,
    /// `(text_offset, mp_line)` at each token start, sorted by offset.
    pub lines: Vec<(u32, u32)>,
    /// `(text offset, token index)` of each literal (string run or number), sorted by offset.
    pub literals: Vec<(u32, usize)>,
    /// Placeholder identifier → original spelling.
    pub names: HashMap<String, String>,
    /// Fresh name standing for an expression (see [`Edit::NameUntil`]) → the offset and text it replaced.
    pub spans: HashMap<String, (u32, String)>,
    /// Text offsets of the names of keyword arguments that were walrus arguments (see [`Edit::Assign`]),
    /// in order: lowering turns these keywords back into positional `name := value` arguments.
    pub walrus_keywords: Vec<u32>,
    /// The entry of `lines` found by the last [`Rewritten::line_at`].
    line_hint: std::cell::Cell<usize>,
    /// The tokens of `text` with their ranges, in order: what rustpython's lexer would make of it.
    pub toks: Vec<(RwTok, u32, u32)>,
    /// `(text offset, original offset)` where each token ends, sorted: a node's range ends where its last
    /// token ends, which the offset map alone cannot tell when no blank separates it from the next token.
    ends: Vec<(u32, u32)>,
}

impl Rewritten {
    /// The token index of the literal starting at `offset` in the rebuilt text.
    pub fn literal_at(&self, offset: u32) -> Option<usize> {
        self.literals.binary_search_by(|p| p.0.cmp(&offset)).ok().map(|i| self.literals[i].1)
    }

    /// The original offset for a node ending at `offset` in the rebuilt text.
    pub fn end_at(&self, offset: u32) -> u32 {
        match self.ends.binary_search_by(|p| p.0.cmp(&offset)) {
            Ok(i) => self.ends[i].1,
            Err(_) => self.map.to_original(offset),
        }
    }

    /// MicroPython's line for a node starting at `offset` in the rebuilt text.
    pub fn line_at(&self, offset: u32) -> u32 {
        let l = &self.lines;
        // Lookups mostly move forward a little: try the last one's entry and the next first.
        let holds = |i: usize| l[i].0 <= offset && l.get(i + 1).is_none_or(|n| n.0 > offset);
        let h = self.line_hint.get();
        let i = if h < l.len() && holds(h) {
            h
        } else if h + 1 < l.len() && holds(h + 1) {
            h + 1
        } else {
            match l.partition_point(|p| p.0 <= offset).checked_sub(1) {
                Some(i) => i,
                None => return l.first().map_or(1, |p| p.1),
            }
        };
        self.line_hint.set(i);
        l[i].1
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

/// What an edit makes of a token's own text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Own {
    Keep,
    Blank,
    /// `:=` written as `= ` (see [`Edit::Assign`]).
    Assign,
}

struct Builder<'a> {
    src: &'a [u8],
    tokens: &'a [Token],
    out: Rewritten,
    /// Original offset up to which the source has been emitted.
    cursor: u32,
    /// The [`mend`](super::mend) edits by token index (sorted), and the next one to apply.
    edits: &'a [(usize, Edit)],
    next_edit: usize,
    /// Open [`Edit::NameUntil`] spans: `(end token, text offset of the start)`.
    open_spans: Vec<(usize, usize)>,
    /// Identifiers of the program, collected when a fresh name is first needed.
    taken: Option<HashSet<Vec<u8>>>,
    /// Indentation level (MicroPython's `INDENT`s minus `DEDENT`s so far).
    depth: usize,
    /// The next token with text starts a logical line.
    line_start: bool,
    /// `INDENT`s (positive) or `DEDENT`s (negative) seen since the last `NEWLINE`, recorded as tokens at
    /// the next token with text (after its indentation).
    dents: i32,
}

/// Rebuilds the text from `tokens` (the complete stream, ending with `End`), applying the `edits` of
/// [`mend`](super::mend) (sorted by token index).
pub fn rewrite(src: &[u8], tokens: &[Token], edits: &[(usize, Edit)]) -> Rewritten {
    let mut b = Builder {
        src,
        tokens,
        out: Rewritten { map: OffsetMap::new(), ..Default::default() },
        cursor: 0,
        edits,
        next_edit: 0,
        open_spans: Vec::new(),
        taken: None,
        depth: 0,
        line_start: true,
        dents: 0,
    };
    for (i, tok) in tokens.iter().enumerate() {
        while b.open_spans.last().is_some_and(|s| s.0 == i) {
            b.close_span();
        }
        if tok.injected {
            b.injected(i, tok);
        } else {
            b.original(i, tok);
        }
    }
    let end = src.len() as u32;
    b.separator(end);
    b.flush_dents();
    let at = b.pos();
    b.out.toks.push((RwTok::End, at, at));
    b.out
}

impl Builder<'_> {
    fn pos(&self) -> u32 {
        self.out.text.len() as u32
    }

    /// What lies between tokens (blanks, comments, newlines inside brackets, `\` continuations) up to
    /// original offset `to`: one space when there is anything, nothing at the start of a logical line
    /// (where [`Builder::indent`] writes the indentation).
    fn separator(&mut self, to: u32) {
        if to <= self.cursor {
            return;
        }
        if !self.line_start && self.src.get(to as usize).is_some_and(|&next| self.needs_space(next)) {
            let at = self.pos();
            self.out.map.inserted(at, self.cursor);
            self.out.text.push(' ');
        }
        self.cursor = to;
    }

    /// Whether the last character written and a token starting with `next` must be kept apart (they
    /// would lex differently together: two words, a word and a string, a number and `.`, two operator
    /// characters). Each blank costs rustpython's lexer as much as a short identifier.
    fn needs_space(&self, next: u8) -> bool {
        let Some(&prev) = self.out.text.as_bytes().last() else { return false };
        let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
        let op = |c: u8| b"=<>!*/%&|^+-@:.~".contains(&c);
        (word(prev) && (word(next) || matches!(next, b'"' | b'\'' | b'.'))) || (op(prev) && op(next))
    }

    /// At the first token of a logical line: one space per indentation level. MicroPython's lexer decided
    /// the levels (its `INDENT`/`DEDENT` tokens, from columns where a tab advances to the next multiple of
    /// 8), so rustpython's own rules for tabs and spaces never come into play.
    fn indent(&mut self, orig_at: u32) {
        if !self.line_start {
            return;
        }
        self.line_start = false;
        if self.depth > 0 {
            let at = self.pos();
            self.out.map.inserted(at, orig_at);
            self.out.text.extend(std::iter::repeat_n(' ', self.depth));
        }
        self.flush_dents();
    }

    /// Records the `INDENT`/`DEDENT` tokens seen since the last `NEWLINE`.
    fn flush_dents(&mut self) {
        let at = self.pos();
        let (tok, n) = if self.dents > 0 { (RwTok::Indent, self.dents) } else { (RwTok::Dedent, -self.dents) };
        for _ in 0..n {
            self.out.toks.push((tok, at, at));
        }
        self.dents = 0;
    }

    /// Records the token just written from text offset `at`, which ends at original offset `orig_end`.
    fn tok(&mut self, kind: RwTok, at: u32, orig_end: u32) {
        let end = self.pos();
        self.out.toks.push((kind, at, end));
        if self.out.ends.last().is_some_and(|e| e.0 == end) {
            self.out.ends.pop();
        }
        self.out.ends.push((end, orig_end));
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

    /// Applies the edits before token `i`; returns what becomes of the token itself.
    fn edits_before(&mut self, i: usize, orig_at: u32) -> Own {
        let mut own = Own::Keep;
        while let Some(&(at, edit)) = self.edits.get(self.next_edit).filter(|e| e.0 <= i) {
            self.next_edit += 1;
            if at < i {
                continue;
            }
            match edit {
                Edit::OpenBefore | Edit::CloseBefore => {
                    let pos = self.pos();
                    self.out.map.inserted(pos, orig_at);
                    let open = edit == Edit::OpenBefore;
                    self.out.text.push(if open { '(' } else { ')' });
                    self.tok(RwTok::Op(if open { "(" } else { ")" }), pos, orig_at);
                }
                Edit::NameUntil(end) => self.open_spans.push((end, self.out.text.len())),
                Edit::Blank => own = Own::Blank,
                Edit::Assign => own = Own::Assign,
            }
        }
        own
    }

    /// Ends the innermost [`Edit::NameUntil`] span: its text becomes a fresh name of the same length.
    fn close_span(&mut self) {
        let Some((_, start)) = self.open_spans.pop() else { return };
        let text = self.out.text[start..].to_string();
        let Some(name) = self.fresh_name(text.len()) else { return };
        self.out.text.replace_range(start.., &name);
        self.out.spans.insert(name, (start as u32, text));
        while self.out.toks.last().is_some_and(|t| t.1 as usize >= start) {
            self.out.toks.pop();
        }
        // The span's end keeps the end of its last token (recorded while it was written).
        let end = self.pos();
        self.out.toks.push((RwTok::Name, start as u32, end));
    }

    /// A name of `len` bytes used nowhere in the program nor by another placeholder.
    fn fresh_name(&mut self, len: usize) -> Option<String> {
        let tokens = self.tokens;
        let taken = self.taken.get_or_insert_with(|| {
            tokens.iter().filter(|t| t.kind == TokKind::Name).map(|t| t.text.clone()).collect()
        });
        let spans = &self.out.spans;
        let free = |c: &String| !taken.contains(c.as_bytes()) && !spans.contains_key(c);
        if len == 1 {
            return (b'A'..=b'Z').chain(b'a'..=b'z').map(|c| (c as char).to_string()).find(free);
        }
        // `Q` first: never a keyword, never one of the `__mpy_name_` placeholders.
        (0..).map(|k| format!("Q{k}")).take_while(|s| s.len() <= len).map(|mut s| {
            while s.len() < len {
                s.push('_');
            }
            s
        }).find(free)
    }

    fn original(&mut self, i: usize, tok: &Token) {
        self.separator(tok.start);
        match tok.kind {
            TokKind::Newline => {
                let at = self.pos();
                self.out.map.inserted(at, tok.start);
                self.out.text.push('\n');
                self.tok(RwTok::Newline, at, tok.start);
                self.line_start = true;
                return;
            }
            TokKind::Indent => {
                self.depth += 1;
                self.dents += 1;
                return;
            }
            TokKind::Dedent => {
                self.depth = self.depth.saturating_sub(1);
                self.dents -= 1;
                return;
            }
            TokKind::DedentMismatch | TokKind::End => return,
            _ => self.indent(tok.start),
        }
        match self.edits_before(i, tok.start) {
            Own::Keep => {}
            Own::Blank => {
                let text = " ".repeat((tok.end - tok.start) as usize);
                self.replace(tok.start, tok.end, &text);
                return;
            }
            Own::Assign => {
                // `:=` → `= ` (same length); the keyword's name starts a `walrus_keywords` entry.
                let at = self.pos();
                self.out.lines.push((at, tok.line));
                self.replace(tok.start, tok.end, "= ");
                self.tok(RwTok::Op("="), at, tok.end);
                if let Some(&(_, name_at, _)) = self.out.toks.iter().rev().nth(1) {
                    self.out.walrus_keywords.push(name_at);
                }
                return;
            }
        }
        let at = self.pos();
        self.out.lines.push((at, tok.line));
        let orig = &self.src[tok.start as usize..tok.end as usize];
        let kind = match &tok.kind {
            TokKind::String | TokKind::Bytes => {
                self.out.literals.push((at, i));
                let bytes = tok.kind == TokKind::Bytes;
                self.replace(tok.start, tok.end, if bytes { "b\"\"" } else { "\"\"" });
                if bytes {
                    RwTok::Bytes
                } else {
                    RwTok::Str
                }
            }
            TokKind::Integer | TokKind::FloatOrImag => {
                self.out.literals.push((at, i));
                // Number text is ASCII (the lexer took digits, letters and `.` only).
                self.replace(tok.start, tok.end, std::str::from_utf8(&tok.text).unwrap_or("0"));
                RwTok::Number
            }
            TokKind::Name => {
                match std::str::from_utf8(&tok.text) {
                    Ok(name) if name.is_ascii() => self.replace(tok.start, tok.end, name),
                    _ => {
                        let text = self.name_text(&tok.text);
                        self.replace(tok.start, tok.end, &text);
                    }
                }
                RwTok::Name
            }
            TokKind::Keyword(k) => {
                self.replace(tok.start, tok.end, k);
                RwTok::Keyword(k)
            }
            TokKind::Op(o) => {
                self.replace(tok.start, tok.end, o);
                RwTok::Op(o)
            }
            _ => {
                // Error tokens never get here (the parse loop refused them first).
                let text = String::from_utf8_lossy(orig).into_owned();
                self.replace(tok.start, tok.end, &text);
                RwTok::Op("")
            }
        };
        self.tok(kind, at, tok.end);
    }

    fn injected(&mut self, i: usize, tok: &Token) {
        let at_orig = tok.start;
        self.indent(at_orig);
        let first = match &tok.kind {
            TokKind::String => b'"',
            TokKind::Bytes => b'b',
            TokKind::Integer | TokKind::FloatOrImag | TokKind::Name => tok.text.first().copied().unwrap_or(b'_'),
            TokKind::Keyword(k) | TokKind::Op(k) => k.as_bytes()[0],
            _ => b' ',
        };
        if self.needs_space(first) {
            self.out.map.inserted(self.pos(), at_orig);
            self.out.text.push(' ');
        }
        if self.edits_before(i, at_orig) == Own::Blank {
            return;
        }
        let at = self.pos();
        self.out.map.inserted(at, at_orig);
        self.out.lines.push((at, tok.line));
        let (text, kind) = match &tok.kind {
            TokKind::String => {
                self.out.literals.push((at, i));
                ("\"\"".to_string(), RwTok::Str)
            }
            TokKind::Bytes => {
                self.out.literals.push((at, i));
                ("b\"\"".to_string(), RwTok::Bytes)
            }
            TokKind::Integer | TokKind::FloatOrImag => {
                self.out.literals.push((at, i));
                (String::from_utf8_lossy(&tok.text).into_owned(), RwTok::Number)
            }
            TokKind::Name => (self.name_text(&tok.text), RwTok::Name),
            TokKind::Keyword(k) => (k.to_string(), RwTok::Keyword(k)),
            TokKind::Op(o) => (o.to_string(), RwTok::Op(o)),
            _ => (String::new(), RwTok::Op("")),
        };
        self.out.text.push_str(&text);
        self.tok(kind, at, at_orig);
    }

    /// An identifier as rustpython should see it: ASCII ones as they are, others as a placeholder.
    fn name_text(&mut self, spelling: &[u8]) -> String {
        if spelling.is_ascii() {
            return String::from_utf8_lossy(spelling).into_owned();
        }
        // MicroPython takes any bytes >= 0x80 in names: keep them losslessly (see `mpy::text`).
        let real = crate::mpy::text::from_bytes(spelling).into_owned();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::lexer::Lexer;

    fn text(src: &str) -> String {
        let toks = Lexer::tokenize(src.as_bytes(), 0);
        rewrite(src.as_bytes(), &toks, &[]).text
    }

    #[test]
    fn rebuilds_text() {
        assert_eq!(text("x = 'a' # c\n"), "x=\"\"\n");
        assert_eq!(text("x = f'{a}b'\n"), "x=\"\".format((a),)\n");
        assert_eq!(text("y = 1_0  + __debug__\n"), "y=10+True\n");
        assert_eq!(text("é = b'\\xff'\n"), "__mpy_name_0=b\"\"\n");
        assert_eq!(text("# a\n  # b\nx = '''\n''' # c\n"), "\nx=\"\"\n");
        assert_eq!(text("f(a,\n  # c\n  b) + \\\n c\n"), "f(a,b)+c\n");
        // Blanks stay where tokens would run together.
        assert_eq!(text("not x if 1 .real else b 'x'\n"), "not x if 1 .real else b \"\"\n");
        assert_eq!(text("a = - 1 ** - b\n"), "a= -1** -b\n");
        // Indentation: one space per level MicroPython's lexer counted (a tab to the next multiple of 8).
        assert_eq!(text("if x:\n\ty\n        z\n"), "if x:\n y\n z\n");
        assert_eq!(text("if x:\n    if y:\n\t\tz\nw\n"), "if x:\n if y:\n  z\nw\n");
    }

    #[test]
    fn lines_follow_micropython() {
        let src = "x = f'''{\na}'''\ny\n";
        let toks = Lexer::tokenize(src.as_bytes(), 0);
        let rw = rewrite(src.as_bytes(), &toks, &[]);
        let y = rw.text.find('y').unwrap() as u32;
        assert_eq!(rw.line_at(y), 4);
        assert_eq!(rw.map.to_original(y), src.find('y').unwrap() as u32);
    }
}
