//! String, bytes and f-string literals (`parse_string_literal` and the joining of adjacent literals in
//! `mp_lexer_to_next`, `py/lexer.c`).

use super::{Lexer, TokKind, EOF};

impl Lexer<'_> {
    /// A run of adjacent string/bytes literals, joined into one token as the lexer does.
    pub(super) fn string_run(&mut self) {
        self.tok.kind = TokKind::End;
        let mut any_fstring = false;
        loop {
            let mut is_raw = false;
            let mut is_fstring = false;
            let mut this = TokKind::String;
            let mut n_char = 0;
            let [a, b] = [self.chr[0].c, self.chr[1].c];
            let is = |x: u32, ch: u8| x == ch as u32;
            if is(a, b'u') {
                n_char = 1;
            } else if is(a, b'b') {
                this = TokKind::Bytes;
                n_char = 1;
                if is(b, b'r') {
                    is_raw = true;
                    n_char = 2;
                }
            } else if is(a, b'r') {
                is_raw = true;
                n_char = 1;
                if is(b, b'b') {
                    this = TokKind::Bytes;
                    n_char = 2;
                } else if is(b, b'f') {
                    is_fstring = true;
                    n_char = 2;
                }
            } else if is(a, b'f') {
                is_fstring = true;
                n_char = 1;
                if is(b, b'r') {
                    is_raw = true;
                    n_char = 2;
                }
            }
            if self.tok.kind == TokKind::End {
                self.tok.kind = this;
            } else if self.tok.kind != this {
                // str and bytes do not join (nor does anything after an invalid literal).
                break;
            }
            let piece_start = self.here();
            for _ in 0..n_char {
                self.next_char();
            }
            if is_fstring && !any_fstring {
                any_fstring = true;
                self.fstring_args.extend_from_slice(b".format(");
            }
            self.string_literal(is_raw, is_fstring);
            let piece_end = self.last_at + 1;
            self.tok.pieces.push((piece_start, piece_end));
            self.skip_whitespace(true);
            if !self.is_string_or_bytes() {
                break;
            }
        }
        if any_fstring {
            // An f-string run always injects its arguments, even when it had no `{}`.
            self.tok.fstring_args = Some(self.fstring_args.clone());
        }
    }

    fn push_char(&mut self, c: u32) {
        let mut buf = [0u8; 4];
        match char::from_u32(c) {
            Some(ch) => self.tok.text.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes()),
            None => {
                // A surrogate: MicroPython's `vstr_add_char` writes its 3-byte form.
                self.tok.text.push(0xe0 | (c >> 12) as u8);
                self.tok.text.push(0x80 | ((c >> 6) & 0x3f) as u8);
                self.tok.text.push(0x80 | (c & 0x3f) as u8);
            }
        }
    }

    /// `parse_string_literal`: one literal, starting at its opening quote.
    fn string_literal(&mut self, is_raw: bool, is_fstring: bool) {
        let quote = if self.is(b'"') { b'"' } else { b'\'' } as u32;
        self.next_char();
        let num_quotes = if self.chr[0].c == quote && self.chr[1].c == quote {
            self.next_char();
            self.next_char();
            3
        } else {
            1
        };
        let mut n_closing = 0;
        let text_start = self.tok.text.len();
        while !self.is_end() && (num_quotes > 1 || !self.is(b'\n')) && n_closing < num_quotes {
            if self.c0() == quote {
                n_closing += 1;
                self.tok.text.push(quote as u8);
            } else {
                n_closing = 0;
                if is_fstring && self.is(b'{') {
                    // MicroPython 1.29 re-examines the character after `{{` or `{expr`, so a quote
                    // right after `{{` still closes the literal.
                    self.next_char();
                    if self.is(b'{') {
                        self.tok.text.push(b'{');
                        self.next_char();
                    } else {
                        self.fstring_expression();
                    }
                    self.tok.text.push(b'{');
                    continue;
                }
                if self.is(b'\\') {
                    self.escape(is_raw);
                } else {
                    let c = self.c0();
                    if c != EOF {
                        self.tok.text.push(c as u8);
                    }
                }
            }
            self.next_char();
        }
        if n_closing < num_quotes {
            self.tok.kind = TokKind::LonelyStringOpen;
        }
        let keep = self.tok.text.len().saturating_sub(n_closing).max(text_start);
        self.tok.text.truncate(keep);
    }

    /// The expression part of `{...}` in an f-string, moved to the argument text.
    fn fstring_expression(&mut self) {
        self.fstring_args.push(b'(');
        let start = self.fstring_args.len();
        let mut level: i64 = 0;
        while !self.is_end() {
            let c = self.c0();
            if level == 0 {
                let stop = c == b':' as u32
                    || c == b'}' as u32
                    || (c == b'!' as u32
                        && (self.chr[1].c == b'r' as u32 || self.chr[1].c == b's' as u32)
                        && (self.chr[2].c == b':' as u32 || self.chr[2].c == b'}' as u32));
                if stop {
                    break;
                }
            }
            if c == b'[' as u32 || c == b'{' as u32 {
                level += 1;
            } else if c == b']' as u32 || c == b'}' as u32 {
                level -= 1;
            }
            self.fstring_args.push(c as u8);
            self.next_char();
        }
        if self.fstring_args.len() == start {
            // `f"{}"`: nothing between the braces.
            self.tok.kind = TokKind::MalformedFString;
        }
        if self.fstring_args.last() == Some(&b'=') {
            // `f'{a=}'` → `'a={}'.format(a)`.
            let shown = self.fstring_args[start..].to_vec();
            self.tok.text.extend_from_slice(&shown);
            self.fstring_args.pop();
        }
        self.fstring_args.push(b')');
        self.fstring_args.push(b',');
    }

    pub(super) fn escape(&mut self, is_raw: bool) {
        self.next_char();
        let mut c = self.c0();
        if is_raw {
            self.tok.text.push(b'\\');
        } else {
            let bytes = self.tok.kind == TokKind::Bytes;
            match c {
                0x0a => c = EOF,
                0x5c | 0x27 | 0x22 => {}
                0x61 => c = 0x07,
                0x62 => c = 0x08,
                0x74 => c = 0x09,
                0x6e => c = 0x0a,
                0x76 => c = 0x0b,
                0x66 => c = 0x0c,
                0x72 => c = 0x0d,
                0x75 | 0x55 if bytes => self.tok.text.push(b'\\'),
                0x78 | 0x75 | 0x55 => {
                    let n = match c {
                        0x78 => 2,
                        0x75 => 4,
                        _ => 8,
                    };
                    let mut num: u32 = 0;
                    let mut ok = true;
                    for _ in 0..n {
                        self.next_char();
                        match char::from_u32(self.c0()).and_then(|h| h.to_digit(16)) {
                            Some(d) => num = num.wrapping_shl(4).wrapping_add(d),
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    if !ok {
                        self.tok.kind = TokKind::Invalid;
                    }
                    c = num;
                }
                0x4e => {
                    // `\N{...}` raises NotImplementedError in the lexer; flag it for the caller.
                    self.tok.name_escape = true;
                }
                0x30..=0x37 => {
                    let mut num = c - 0x30;
                    let mut digits = 3;
                    while matches!(self.chr[1].c, 0x30..=0x37) {
                        digits -= 1;
                        if digits == 0 {
                            break;
                        }
                        self.next_char();
                        num = num * 8 + (self.c0() - 0x30);
                    }
                    c = num;
                }
                _ => self.tok.text.push(b'\\'),
            }
        }
        if c != EOF {
            if c < 0x110000 && self.tok.kind == TokKind::String {
                self.push_char(c);
            } else if c < 0x100 && self.tok.kind == TokKind::Bytes {
                self.tok.text.push(c as u8);
            } else {
                self.tok.kind = TokKind::Invalid;
            }
        }
    }
}
