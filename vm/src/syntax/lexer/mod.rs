//! MicroPython's tokenizer (`py/lexer.c`), reproduced for what the front end needs from it.
//!
//! rustpython does the real parsing, but several facts only exist at MicroPython's token level:
//! * the **line** of each token (`tok_line`), which differs from the physical line after an f-string whose
//!   expression holds a newline: the lexer re-reads the injected `.format(...)` text and counts its
//!   newlines too;
//! * the **order** of identifiers and strings, which decides string interning;
//! * the **values** of literals (escapes, adjacent-literal joining, the `__debug__` keyword);
//! * the f-string rewrite `f"a{x!r:>{w}}"` → `"a{!r:>{}}".format((x),(w),)`;
//! * lexer-level errors (`MP_TOKEN_INVALID`, indentation, unterminated strings).
//!
//! The lexer works on a three-character window (`chr0..chr2`) like the C code, so that its odd corners
//! (newline inserted at end of input, CR LF folding, the injected f-string argument text) behave the same.
//! Each character remembers the source offset it came from; injected characters have none.
//!
//! String, f-string and bytes literals are lexed in [`strings`], t-strings in [`template`].

mod strings;
mod template;

/// End of input in the character window.
const EOF: u32 = u32::MAX;
const TAB_SIZE: u32 = 8;

/// Keywords in MicroPython's table (`tok_kw`); `__debug__` becomes `True`/`False` at lex time.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "__debug__", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokKind {
    End,
    /// `MP_TOKEN_INVALID`: an unknown character, `!` not followed by `=`, or a bad escape in a string.
    Invalid,
    DedentMismatch,
    /// A string literal without its closing quote(s).
    LonelyStringOpen,
    /// `f"{}"` and friends.
    MalformedFString,
    Newline,
    Indent,
    Dedent,
    Name,
    /// A keyword, by its spelling (`__debug__` already turned into `True`/`False`).
    Keyword(&'static str),
    Integer,
    FloatOrImag,
    String,
    Bytes,
    /// A t-string (`t"..."`), expanded by [`tstring`](super::tstring) into a `__template__(...)` call.
    TString,
    /// An operator or delimiter, by its spelling (`"("`, `"**="`, `"..."`, `"."`, `"->"`, …).
    Op(&'static str),
}

/// One token with MicroPython's line and the original byte range it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokKind,
    /// `tok_line`: the line MicroPython attributes to this token.
    pub line: u32,
    /// Original byte range; for tokens read from injected f-string text, an empty range at the point where
    /// the injection happened (`injected` is then set).
    pub start: u32,
    pub end: u32,
    pub injected: bool,
    /// Token text: identifier or keyword spelling, number text (underscores dropped, `E` as `e`), decoded
    /// string/bytes contents (f-string expressions removed, as the lexer leaves them).
    pub text: Vec<u8>,
    /// For a string token that held f-strings: the argument text injected after it (`.format((a),)`).
    pub fstring_args: Option<Vec<u8>>,
    /// For string tokens: the original ranges of each literal in the joined run.
    pub pieces: Vec<(u32, u32)>,
    /// The token holds a `\N{...}` escape: MicroPython's lexer raises `NotImplementedError` on it.
    pub name_escape: bool,
    /// For a t-string token: its literal segments and interpolations (see [`tstring`](super::tstring)).
    pub tstring: Option<Box<TStringParts>>,
    /// The grammar's terminal id of this token ([`grammar::TERMINALS`](super::grammar::TERMINALS); `NO_TERMINAL`
    /// for error tokens), for the recognizer.
    pub term: u8,
}

/// The terminal id of a token of kind `kind` that is not a keyword or an operator.
pub fn simple_term(kind: &TokKind) -> u8 {
    use super::grammar::terminal_index as t;
    match kind {
        TokKind::End => t("END"),
        TokKind::Name => t("NAME"),
        TokKind::Integer => t("INTEGER"),
        TokKind::FloatOrImag => t("FLOAT_OR_IMAG"),
        TokKind::String => t("STRING"),
        TokKind::Bytes => t("BYTES"),
        TokKind::Newline => t("NEWLINE"),
        TokKind::Indent => t("INDENT"),
        TokKind::Dedent => t("DEDENT"),
        TokKind::Keyword(k) | TokKind::Op(k) => super::grammar::terminal_of(k),
        _ => super::grammar::NO_TERMINAL,
    }
}

/// Per ASCII byte: the range of [`KEYWORDS`] (which are sorted) that start with it.
const KEYWORDS_BY_FIRST: [(u8, u8); 128] = {
    let mut out = [(0u8, 0u8); 128];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let c = KEYWORDS[i].as_bytes()[0] as usize;
        if out[c].0 == out[c].1 {
            out[c] = (i as u8, i as u8 + 1);
        } else {
            out[c].1 = i as u8 + 1;
        }
        i += 1;
    }
    out
};

/// The index of `text` in [`KEYWORDS`].
fn keyword_index(text: &[u8]) -> Option<usize> {
    let &c = text.first()?;
    let &(a, b) = KEYWORDS_BY_FIRST.get(usize::from(c))?;
    (usize::from(a)..usize::from(b)).find(|&i| KEYWORDS[i].as_bytes() == text)
}

/// Terminal ids of [`KEYWORDS`] (`__debug__` never reaches the grammar: it becomes `True`/`False`).
const KEYWORD_TERMS: [u8; KEYWORDS.len()] = {
    let mut out = [super::grammar::NO_TERMINAL; KEYWORDS.len()];
    let mut i = 0;
    while i < KEYWORDS.len() {
        if !matches!(KEYWORDS[i].as_bytes(), b"__debug__") {
            out[i] = super::grammar::terminal_index(KEYWORDS[i]);
        }
        i += 1;
    }
    out
};

/// Operators of two or three characters, tried first, and of one character.
const TWO: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=",
    "/=", "%=", "&=", "|=", "^=", "@=",
];
const ONE: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ",", ";", "~", ":", "<", ">", "*", "+", "-", "&", "|", "/", "%", "^", "@", "=", ".",
];

const fn terms_of<const N: usize>(ops: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = super::grammar::terminal_index(ops[i]);
        i += 1;
    }
    out
}

const TWO_TERMS: [u8; TWO.len()] = terms_of(TWO);

/// ASCII characters that start one of the [`TWO`] operators.
const STARTS_LONGER_OP: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < TWO.len() {
        t[TWO[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};
const ONE_TERMS: [u8; ONE.len()] = terms_of(ONE);

/// The pieces of a t-string literal (PEP 750), as MicroPython 1.29 splits it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TStringParts {
    /// Literal text between interpolations (escapes decoded, `{{`/`}}` undoubled); one more than
    /// `interpolations`.
    pub segments: Vec<Vec<u8>>,
    pub interpolations: Vec<Interpolation>,
}

/// One `{expr[=][!c][:spec]}` of a t-string.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Interpolation {
    /// The expression source (without a trailing `=`).
    pub expr: Vec<u8>,
    /// The expression text passed to the template (trailing blanks removed).
    pub text: Vec<u8>,
    /// Conversion character (`r`, `s`, `a`), `r` by default for `{x=}` without a format spec.
    pub conv: Option<u8>,
    /// The format spec source (empty when absent).
    pub spec: Vec<u8>,
}

#[derive(Clone, Copy, Debug)]
struct Ch {
    c: u32,
    /// Source offset of this character, `None` for injected text.
    at: Option<u32>,
}

/// A frame of injected f-string argument text being read.
struct Injection {
    buf: Vec<u8>,
    idx: usize,
    saved: [Ch; 3],
    /// Original offset where the injection happened (end of the string token that produced it).
    at: u32,
}

pub struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    chr: [Ch; 3],
    line: u32,
    column: u32,
    emit_dent: i32,
    nested_bracket_level: i64,
    indents: Vec<u32>,
    injections: Vec<Injection>,
    /// Arguments collected for the string token being lexed (`.format(` …).
    fstring_args: Vec<u8>,
    /// `-O` level: `__debug__` is `True` only at 0.
    opt_level: u8,
    tok: Token,
    tok_column: u32,
    /// Original offset of the latest source character consumed.
    last_at: u32,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a [u8], opt_level: u8) -> Self {
        let blank = Ch { c: 0, at: Some(0) };
        let mut lex = Lexer {
            src,
            pos: 0,
            chr: [blank; 3],
            line: 1,
            // Three `next_char` calls below bring the column to 1.
            column: 1u32.wrapping_sub(3),
            emit_dent: 0,
            nested_bracket_level: 0,
            indents: vec![0],
            injections: Vec::new(),
            fstring_args: Vec::new(),
            opt_level,
            tok: blank_token(0),
            tok_column: 1,
            last_at: 0,
        };
        lex.next_char();
        lex.next_char();
        lex.next_char();
        lex.to_next();
        // The first token must be in column 1 unless it is a newline.
        if lex.tok_column != 1 && lex.tok.kind != TokKind::Newline {
            lex.tok.kind = TokKind::Indent;
            lex.tok.term = simple_term(&TokKind::Indent);
        }
        lex
    }

    /// The current token.
    pub fn token(&self) -> &Token {
        &self.tok
    }

    /// Lexes the whole input; the last token is `End`. Stops early after `max_tokens` (a guard against
    /// pathological input), returning what was lexed.
    pub fn tokenize(src: &[u8], opt_level: u8) -> Vec<Token> {
        let mut lex = Lexer::new(src, opt_level);
        let mut out = Vec::with_capacity(src.len() / 4 + 2);
        loop {
            let done = lex.tok.kind == TokKind::End;
            // The next token starts blank (every field is set while lexing it) but needs the end of this one.
            let next = blank_token(lex.tok.end);
            out.push(std::mem::replace(&mut lex.tok, next));
            if done {
                break;
            }
            lex.to_next();
        }
        out
    }

    fn read_byte(&mut self) -> Ch {
        match self.src.get(self.pos) {
            Some(&b) => {
                let at = self.pos as u32;
                self.pos += 1;
                // mpy-cross 1.29 reads a NUL byte of the source as 0x01 (so a NUL in a string literal
                // becomes `\x01`; anywhere else it is an invalid character either way).
                Ch { c: b.max(1) as u32, at: Some(at) }
            }
            None => Ch { c: EOF, at: Some(self.src.len() as u32) },
        }
    }

    fn c0(&self) -> u32 {
        self.chr[0].c
    }

    fn is(&self, c: u8) -> bool {
        self.chr[0].c == c as u32
    }

    fn is_end(&self) -> bool {
        self.chr[0].c == EOF
    }

    fn next_char(&mut self) {
        if let Some(at) = self.chr[0].at {
            self.last_at = at;
        }
        match self.chr[0].c {
            0x0a => {
                self.line += 1;
                self.column = 1;
            }
            0x09 => self.column = ((self.column.wrapping_sub(1).wrapping_add(TAB_SIZE)) / TAB_SIZE) * TAB_SIZE + 1,
            _ => self.column = self.column.wrapping_add(1),
        }
        self.chr[0] = self.chr[1];
        self.chr[1] = self.chr[2];
        if let Some(inj) = self.injections.last_mut() {
            self.chr[2] = match inj.buf.get(inj.idx) {
                Some(&b) => {
                    inj.idx += 1;
                    Ch { c: b as u32, at: None }
                }
                None => Ch { c: 0, at: None },
            };
            if self.chr[0].c == 0 && self.chr[0].at.is_none() {
                let done = self.injections.pop().map(|i| i.saved);
                if let Some(saved) = done {
                    self.chr = saved;
                }
            }
        } else {
            self.chr[2] = self.read_byte();
        }
        if self.chr[1].c == b'\r' as u32 {
            self.chr[1].c = b'\n' as u32;
            if self.chr[2].c == b'\n' as u32 {
                self.chr[2] = self.read_byte();
            }
        }
        if self.chr[2].c == EOF && self.chr[1].c != EOF && self.chr[1].c != b'\n' as u32 {
            self.chr[2] = Ch { c: b'\n' as u32, at: Some(self.src.len() as u32) };
        }
    }

    /// Offset of the current character in the source (the injection point for injected text).
    fn here(&self) -> u32 {
        match self.chr[0].at {
            Some(a) => a,
            None => self.injections.first().map_or(self.last_at, |i| i.at),
        }
    }

    fn skip_whitespace(&mut self, stop_at_newline: bool) -> bool {
        while !self.is_end() {
            let c = self.c0();
            if c == b'\n' as u32 {
                if stop_at_newline && self.nested_bracket_level == 0 {
                    return true;
                }
                self.next_char();
            } else if is_space(c) {
                self.next_char();
            } else if c == b'#' as u32 {
                self.next_char();
                while !self.is_end() && self.c0() != b'\n' as u32 {
                    self.next_char();
                }
            } else if c == b'\\' as u32 && self.chr[1].c == b'\n' as u32 {
                self.next_char();
                self.next_char();
            } else {
                break;
            }
        }
        false
    }

    fn is_string_or_bytes(&self) -> bool {
        let [a, b, c] = [self.chr[0].c, self.chr[1].c, self.chr[2].c];
        let q = |x: u32| x == b'\'' as u32 || x == b'"' as u32;
        let is = |x: u32, ch: u8| x == ch as u32;
        q(a) || ((is(a, b'r') || is(a, b'u') || is(a, b'b') || is(a, b'f')) && q(b))
            || (((is(a, b'r') && is(b, b'f')) || (is(a, b'f') && is(b, b'r'))) && q(c))
            || (((is(a, b'r') && is(b, b'b')) || (is(a, b'b') && is(b, b'r'))) && q(c))
    }

    /// `mp_lexer_to_next`: advances to the next token.
    pub fn to_next(&mut self) {
        if !self.fstring_args.is_empty() {
            // The string token is complete: read its `.format(...)` arguments next.
            let mut buf = std::mem::take(&mut self.fstring_args);
            buf.push(b')');
            let saved = self.chr;
            let at = self.tok.end;
            let mut it = buf.iter().map(|&b| Ch { c: b as u32, at: None });
            let blank = Ch { c: 0, at: None };
            self.chr = [it.next().unwrap_or(blank), it.next().unwrap_or(blank), it.next().unwrap_or(blank)];
            self.injections.push(Injection { buf, idx: 3, saved, at });
        }
        self.tok.text.clear();
        self.tok.fstring_args = None;
        self.tok.pieces.clear();
        self.tok.name_escape = false;
        self.tok.tstring = None;

        let had_physical_newline = self.skip_whitespace(true);
        self.tok.line = self.line;
        self.tok_column = self.column;
        self.tok.start = self.here();
        self.tok.injected = self.chr[0].at.is_none();

        if self.emit_dent < 0 {
            self.tok.kind = TokKind::Dedent;
            self.emit_dent += 1;
        } else if self.emit_dent > 0 {
            self.tok.kind = TokKind::Indent;
            self.emit_dent -= 1;
        } else if had_physical_newline {
            self.skip_whitespace(false);
            self.tok.kind = TokKind::Newline;
            let num_spaces = self.column.wrapping_sub(1);
            let top = *self.indents.last().unwrap_or(&0);
            if num_spaces > top {
                self.indents.push(num_spaces);
                self.emit_dent += 1;
            } else if num_spaces < top {
                while num_spaces < *self.indents.last().unwrap_or(&0) {
                    self.indents.pop();
                    self.emit_dent -= 1;
                }
                if num_spaces != *self.indents.last().unwrap_or(&0) {
                    self.tok.kind = TokKind::DedentMismatch;
                }
            }
        } else if self.is_end() {
            self.tok.kind = TokKind::End;
        } else if self.is_string_or_bytes() {
            self.string_run();
        } else if self.is_tstring() {
            self.tstring_token();
        } else if is_head_of_identifier(self.c0()) {
            self.identifier();
        } else if is_digit(self.c0()) || (self.is(b'.') && is_digit(self.chr[1].c)) {
            self.number();
        } else {
            self.operator();
        }
        if !matches!(self.tok.kind, TokKind::Keyword(_) | TokKind::Op(_)) {
            self.tok.term = simple_term(&self.tok.kind);
        }
        self.tok.end = if self.tok.injected {
            self.tok.start
        } else if let Some(&(_, e)) = self.tok.pieces.last() {
            e
        } else if matches!(self.tok.kind, TokKind::Newline | TokKind::Indent | TokKind::Dedent | TokKind::DedentMismatch | TokKind::End) {
            self.tok.start
        } else {
            (self.last_at + 1).max(self.tok.start)
        };
    }

    fn identifier(&mut self) {
        self.tok.kind = TokKind::Name;
        match self.chr[0].at {
            // Read from the source, not from injected text: the window holds the source's bytes from `at` on
            // (the identifier holds no CR, NUL or end of input, the only bytes the window changes).
            Some(at) if self.injections.is_empty() => {
                let at = at as usize;
                let rest = self.src.get(at..).unwrap_or_default();
                let n = rest.iter().take_while(|&&b| is_identifier_byte(b)).count();
                self.tok.text.extend_from_slice(&rest[..n]);
                // All but the last three characters are plain ones inside the window's lookahead: move the
                // window past them at once, then step over the rest as usual.
                if n > 3 {
                    let k = n - 3;
                    let ch = |i: usize| Ch { c: u32::from(rest[i]), at: Some((at + i) as u32) };
                    self.chr = [ch(k), ch(k + 1), ch(k + 2)];
                    self.pos = at + n;
                    self.column = self.column.wrapping_add(k as u32);
                    self.last_at = (at + k - 1) as u32;
                }
                for _ in 0..n.min(3) {
                    self.next_char();
                }
            }
            _ => {
                while !self.is_end() && (is_head_of_identifier(self.c0()) || is_digit(self.c0())) {
                    self.tok.text.push(self.c0() as u8);
                    self.next_char();
                }
            }
        }
        if let Some(i) = keyword_index(&self.tok.text) {
            let kw = KEYWORDS[i];
            let kw = if kw == "__debug__" {
                if self.opt_level == 0 {
                    "True"
                } else {
                    "False"
                }
            } else {
                kw
            };
            self.tok.kind = TokKind::Keyword(kw);
            self.tok.term = match kw {
                "True" => super::grammar::terminal_index("True"),
                "False" => super::grammar::terminal_index("False"),
                _ => KEYWORD_TERMS[i],
            };
        }
    }

    fn number(&mut self) {
        let mut forced_integer = false;
        if self.is(b'.') {
            self.tok.kind = TokKind::FloatOrImag;
        } else {
            self.tok.kind = TokKind::Integer;
            if self.is(b'0') && matches!(self.chr[1].c | 0x20, 0x62 | 0x6f | 0x78) {
                forced_integer = true;
            }
        }
        self.tok.text.push(self.c0() as u8);
        self.next_char();
        while !self.is_end() {
            let c = self.c0();
            if !forced_integer && (c == b'e' as u32 || c == b'E' as u32) {
                self.tok.kind = TokKind::FloatOrImag;
                self.tok.text.push(b'e');
                self.next_char();
                if self.is(b'+') || self.is(b'-') {
                    self.tok.text.push(self.c0() as u8);
                    self.next_char();
                }
            } else if is_alpha(c) || is_digit(c) || c == b'.' as u32 {
                if c == b'.' as u32 || c == b'j' as u32 || c == b'J' as u32 {
                    self.tok.kind = TokKind::FloatOrImag;
                }
                self.tok.text.push(c as u8);
                self.next_char();
            } else if c == b'_' as u32 {
                self.next_char();
            } else {
                break;
            }
        }
    }

    fn operator(&mut self) {
        let c0 = self.c0();
        let (c1, c2) = (self.chr[1].c, self.chr[2].c);
        // `..` is a period followed by a period, `...` the ellipsis; `!` alone is invalid.
        if (c0 as usize) < 128 && STARTS_LONGER_OP[c0 as usize] {
            for (k, op) in TWO.iter().enumerate() {
                let b = op.as_bytes();
                if u32::from(b[0]) != c0 || u32::from(b[1]) != c1 || b.get(2).is_some_and(|&x| u32::from(x) != c2) {
                    continue;
                }
                // `.` followed by `..` only forms an ellipsis; other 3-char ops are complete matches.
                for _ in 0..b.len() {
                    self.next_char();
                }
                self.tok.kind = TokKind::Op(op);
                self.tok.term = TWO_TERMS[k];
                return;
            }
        }
        for (k, op) in ONE.iter().enumerate() {
            if c0 == op.as_bytes()[0] as u32 {
                self.next_char();
                self.tok.kind = TokKind::Op(op);
                self.tok.term = ONE_TERMS[k];
                match *op {
                    "(" | "[" | "{" => self.nested_bracket_level += 1,
                    ")" | "]" | "}" => self.nested_bracket_level -= 1,
                    _ => {}
                }
                return;
            }
        }
        // Unknown character (including `!` not followed by `=`).
        self.next_char();
        self.tok.kind = TokKind::Invalid;
    }

}

/// A token with nothing lexed yet.
fn blank_token(end: u32) -> Token {
    Token {
        kind: TokKind::End,
        line: 1,
        start: 0,
        end,
        injected: false,
        text: Vec::new(),
        fstring_args: None,
        pieces: Vec::new(),
        name_escape: false,
        tstring: None,
        term: 0,
    }
}

fn is_space(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0a | 0x0b | 0x0c | 0x0d)
}

fn is_alpha(c: u32) -> bool {
    (0x41..=0x5a).contains(&c) || (0x61..=0x7a).contains(&c)
}

fn is_digit(c: u32) -> bool {
    (0x30..=0x39).contains(&c)
}

/// A source byte that continues an identifier (`is_head_of_identifier` or a digit).
fn is_identifier_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn is_head_of_identifier(c: u32) -> bool {
    c != EOF && (is_alpha(c) || c == b'_' as u32 || c >= 0x80)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders tokens as `line:kind[text]` for compact comparisons.
    fn toks(src: &str) -> String {
        Lexer::tokenize(src.as_bytes(), 0)
            .iter()
            .map(|t| {
                let k = match &t.kind {
                    TokKind::Op(o) => o.to_string(),
                    TokKind::Keyword(k) => k.to_string(),
                    TokKind::Name => format!("N:{}", String::from_utf8_lossy(&t.text)),
                    TokKind::String => format!("S:{:?}", String::from_utf8_lossy(&t.text)),
                    TokKind::Bytes => format!("B:{:?}", String::from_utf8_lossy(&t.text)),
                    TokKind::Integer | TokKind::FloatOrImag => format!("#{}", String::from_utf8_lossy(&t.text)),
                    other => format!("{other:?}"),
                };
                format!("{}:{}{}", t.line, k, if t.injected { "'" } else { "" })
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn basic_tokens_and_lines() {
        assert_eq!(toks("x = 1_0 + .5e3\n"), "1:N:x 1:= 1:#10 1:+ 1:#.5e3 1:Newline 2:End");
        assert_eq!(toks("if a:\n  b\n"), "1:if 1:N:a 1:: 1:Newline 2:Indent 2:N:b 2:Newline 3:Dedent 3:End");
        assert_eq!(toks("x = (1,\n\n 2)\n"), "1:N:x 1:= 1:( 1:#1 1:, 3:#2 3:) 3:Newline 4:End");
        assert_eq!(toks("a <<= b ... c.d != e -> f := g\n"), "1:N:a 1:<<= 1:N:b 1:... 1:N:c 1:. 1:N:d 1:!= 1:N:e 1:-> 1:N:f 1::= 1:N:g 1:Newline 2:End");
        assert_eq!(toks("x = __debug__"), "1:N:x 1:= 1:True 1:Newline 2:End");
        assert_eq!(toks(" x"), "1:Indent 1:Newline 2:End");
    }

    /// Identifiers read straight from the source: ranges, lines and what follows them (CR LF, a NUL, the end
    /// of input without a newline, tabs, non-ASCII bytes, keywords of every length).
    #[test]
    fn identifiers_from_the_source() {
        let spans = |src: &[u8]| -> Vec<(String, u32, u32, u32)> {
            Lexer::tokenize(src, 0)
                .iter()
                .map(|t| (format!("{:?}{}", t.kind, String::from_utf8_lossy(&t.text)), t.line, t.start, t.end))
                .collect()
        };
        let got = spans(b"abcdefghij\r\nxy=a1\tlongername_\x00z\nif\tnonlocal\n\xc3\xa9t\xc3\xa9 = 1\nabcd");
        let want: Vec<(String, u32, u32, u32)> = [
            ("Nameabcdefghij", 1, 0, 10),
            ("Newline", 1, 10, 10),
            ("Namexy", 2, 12, 14),
            ("Op(\"=\")", 2, 14, 15),
            ("Namea1", 2, 15, 17),
            ("Namelongername_", 2, 18, 29),
            ("Invalid", 2, 29, 30),
            ("Namez", 2, 30, 31),
            ("Newline", 2, 31, 31),
            ("Keyword(\"if\")if", 3, 32, 34),
            ("Keyword(\"nonlocal\")nonlocal", 3, 35, 43),
            ("Newline", 3, 43, 43),
            ("Name\u{e9}t\u{e9}", 4, 44, 49),
            ("Op(\"=\")", 4, 50, 51),
            ("Integer1", 4, 52, 53),
            ("Newline", 4, 53, 53),
            ("Nameabcd", 5, 54, 58),
            ("Newline", 5, 58, 58),
            ("End", 6, 58, 58),
        ]
        .iter()
        .map(|&(k, l, s, e)| (k.to_string(), l, s, e))
        .collect();
        assert_eq!(got, want);
        for kw in KEYWORDS {
            let t = &Lexer::tokenize(kw.as_bytes(), 0)[0];
            assert!(matches!(t.kind, TokKind::Keyword(_)), "{kw}");
            let longer = format!("{kw}x");
            assert_eq!(Lexer::tokenize(longer.as_bytes(), 0)[0].kind, TokKind::Name, "{kw}");
        }
        // After an indented identifier the column still decides the next line's indentation.
        assert_eq!(toks("if a:\n    abcdefgh = 1\n    b\n"), "1:if 1:N:a 1:: 1:Newline 2:Indent 2:N:abcdefgh 2:= 2:#1 2:Newline 3:N:b 3:Newline 4:Dedent 4:End");
    }

    #[test]
    fn strings_join_and_fstrings_inject() {
        assert_eq!(toks("'a' \"b\"\n"), "1:S:\"ab\" 1:Newline 2:End");
        assert_eq!(
            toks("f'a{x!r:>{w}}b{{'\n"),
            "1:S:\"a{!r:>{}}b{{\" 1:.' 1:N:format' 1:(' 1:(' 1:N:x' 1:)' 1:,' 1:(' 1:N:w' 1:)' 1:,' 1:)' 1:Newline 2:End"
        );
        assert_eq!(toks("f'{x=}'\n"), "1:S:\"x={}\" 1:.' 1:N:format' 1:(' 1:(' 1:N:x' 1:)' 1:,' 1:)' 1:Newline 2:End");
        // A newline inside an f-string expression is counted twice, as MicroPython does.
        assert_eq!(
            toks("f'''{\nx}'''\ny\n"),
            "1:S:\"{}\" 2:.' 2:N:format' 2:(' 2:(' 3:N:x' 3:)' 3:,' 3:)' 3:Newline 4:N:y 4:Newline 5:End"
        );
        assert_eq!(toks("'a' b'b'\n"), "1:S:\"a\" 1:B:\"b\" 1:Newline 2:End");
    }
}
