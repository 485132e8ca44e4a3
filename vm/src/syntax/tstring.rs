//! Template strings (PEP 750) as mpy-cross 1.29 compiles them: `t"a{x!r:>4}b"` becomes
//! `__template__(("a", "b"), (x), "x", "r", ">4")`, one `(value, text, conversion, spec)` group of
//! arguments per interpolation (flat, not tuples), with the literal segments as a constant tuple.
//!
//! Facts checked against mpy-cross: prefixes `t`, `tr`, `rt` only; a t-string never joins adjacent
//! literals; escapes are decoded in segments; `{{`/`}}` are literal braces; `{x=}` adds `x=` to the
//! segment and converts with `r` unless a conversion or a spec is given; the expression text loses its
//! trailing blanks; a spec holding `{}` is compiled like an f-string (`"{}".format(w)`); `{}`, an
//! unterminated `{` and a lone `}` are "malformed f-string" errors.
//!
//! The expansion happens on the token stream: a t-string token is replaced by the tokens of that call, so
//! the rest of the front end (recognizer, rewrite, lowering, interning order) treats it like source text.

use super::lexer::{Interpolation, Lexer, TokKind, Token};

/// Replaces every t-string token by the tokens of its `__template__(...)` call.
pub fn expand(tokens: Vec<Token>, opt_level: u8) -> Vec<Token> {
    if !tokens.iter().any(|t| t.kind == TokKind::TString) {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        match (&t.kind, &t.tstring) {
            (TokKind::TString, Some(parts)) => {
                let mut b = Builder { out: &mut out, at: &t, opt_level };
                b.head();
                b.op("(");
                b.op("(");
                for s in &parts.segments {
                    b.string(s.clone());
                    b.op(",");
                }
                b.op(")");
                for item in &parts.interpolations {
                    b.interpolation(item);
                }
                b.op(")");
            }
            _ => out.push(t),
        }
    }
    out
}

struct Builder<'a> {
    out: &'a mut Vec<Token>,
    /// The t-string token being replaced.
    at: &'a Token,
    opt_level: u8,
}

impl Builder<'_> {
    fn token(&self, kind: TokKind, text: Vec<u8>) -> Token {
        let term = super::lexer::simple_term(&kind);
        Token {
            kind,
            line: self.at.line,
            start: self.at.end,
            end: self.at.end,
            injected: true,
            text,
            fstring_args: None,
            pieces: Vec::new(),
            name_escape: false,
            tstring: None,
            term,
        }
    }

    /// `__template__`, standing for the whole t-string in the source.
    fn head(&mut self) {
        let mut t = self.token(TokKind::Name, b"__template__".to_vec());
        t.start = self.at.start;
        t.injected = false;
        self.out.push(t);
    }

    fn op(&mut self, o: &'static str) {
        let t = self.token(TokKind::Op(o), Vec::new());
        self.out.push(t);
    }

    fn string(&mut self, text: Vec<u8>) {
        let t = self.token(TokKind::String, text);
        self.out.push(t);
    }

    /// Lexes `src` on its own and appends its tokens (up to its final newline) as injected ones.
    fn sub_tokens(&mut self, src: &[u8]) {
        let toks = expand(Lexer::tokenize(src, self.opt_level), self.opt_level);
        for mut t in toks {
            if matches!(t.kind, TokKind::Newline | TokKind::End | TokKind::Indent | TokKind::Dedent) {
                continue;
            }
            t.line = self.at.line;
            t.start = self.at.end;
            t.end = self.at.end;
            t.injected = true;
            self.out.push(t);
        }
    }

    fn interpolation(&mut self, item: &Interpolation) {
        self.op(",");
        self.op("(");
        let trimmed = trim(&item.expr);
        self.sub_tokens(trimmed);
        self.op(")");
        self.op(",");
        self.string(item.text.clone());
        self.op(",");
        match item.conv {
            Some(c) => self.string(vec![c]),
            None => {
                let t = self.token(TokKind::Keyword("None"), b"None".to_vec());
                self.out.push(t);
            }
        }
        self.op(",");
        if item.spec.contains(&b'{') {
            let wrap: &[u8] = if item.spec.windows(3).any(|w| w == b"\"\"\"") { b"'''" } else { b"\"\"\"" };
            let mut src = b"f".to_vec();
            src.extend_from_slice(wrap);
            src.extend_from_slice(&item.spec);
            src.extend_from_slice(wrap);
            self.sub_tokens(&src);
        } else {
            self.string(item.spec.clone());
        }
    }
}

fn trim(b: &[u8]) -> &[u8] {
    let blank = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r');
    let start = b.iter().position(|c| !blank(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !blank(c)).map_or(start, |e| e + 1);
    &b[start..end]
}
