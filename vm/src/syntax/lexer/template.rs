//! Template-string (t-string) literals as mpy-cross 1.29 lexes them: literal segments with escapes
//! decoded, and the source of each `{expr[=][!c][:spec]}`; [`tstring`](crate::syntax::tstring) turns
//! them into tokens.

use super::{Interpolation, Lexer, TStringParts, TokKind};

impl Lexer<'_> {
    /// `t"`, `tr"` or `rt"` (lowercase only): a template string, a token of its own.
    pub(super) fn is_tstring(&self) -> bool {
        let [a, b, c] = [self.chr[0].c, self.chr[1].c, self.chr[2].c];
        let q = |x: u32| x == b'\'' as u32 || x == b'"' as u32;
        let is = |x: u32, ch: u8| x == ch as u32;
        (is(a, b't') && q(b)) || (((is(a, b't') && is(b, b'r')) || (is(a, b'r') && is(b, b't'))) && q(c))
    }

    /// A t-string literal: literal segments with escapes decoded, and the interpolations' source.
    pub(super) fn tstring_token(&mut self) {
        self.tok.kind = TokKind::TString;
        let start = self.here();
        let is_raw = self.chr[1].c != self.chr[0].c && (self.chr[1].c == b'r' as u32 || self.chr[0].c == b'r' as u32);
        let n_char = if is_raw { 2 } else { 1 };
        for _ in 0..n_char {
            self.next_char();
        }
        let quote = self.c0();
        self.next_char();
        let triple = self.chr[0].c == quote && self.chr[1].c == quote;
        if triple {
            self.next_char();
            self.next_char();
        }
        let mut parts = TStringParts { segments: vec![Vec::new()], interpolations: Vec::new() };
        let mut closed = false;
        while !self.is_end() {
            let c = self.c0();
            if c == quote && (!triple || (self.chr[1].c == quote && self.chr[2].c == quote)) {
                for _ in 0..if triple { 3 } else { 1 } {
                    self.next_char();
                }
                closed = true;
                break;
            }
            if c == b'\n' as u32 && !triple {
                break;
            }
            if c == b'{' as u32 && self.chr[1].c == b'{' as u32 || c == b'}' as u32 && self.chr[1].c == b'}' as u32 {
                if let Some(seg) = parts.segments.last_mut() {
                    seg.push(c as u8);
                }
                self.next_char();
                self.next_char();
            } else if c == b'}' as u32 {
                self.tok.kind = TokKind::MalformedFString;
                self.next_char();
            } else if c == b'{' as u32 {
                self.next_char();
                match self.tstring_interpolation(&mut parts) {
                    Some(()) => parts.segments.push(Vec::new()),
                    None => self.tok.kind = TokKind::MalformedFString,
                }
            } else if c == b'\\' as u32 {
                // Decode the escape through the string path, then move the bytes to the segment.
                let saved = std::mem::take(&mut self.tok.text);
                let kind = std::mem::replace(&mut self.tok.kind, TokKind::String);
                self.escape(is_raw);
                let decoded = std::mem::replace(&mut self.tok.text, saved);
                let bad = self.tok.kind == TokKind::Invalid;
                self.tok.kind = if bad { TokKind::Invalid } else { kind };
                if let Some(seg) = parts.segments.last_mut() {
                    seg.extend_from_slice(&decoded);
                }
                self.next_char();
            } else {
                if let Some(seg) = parts.segments.last_mut() {
                    seg.push(c as u8);
                }
                self.next_char();
            }
        }
        if !closed && self.tok.kind == TokKind::TString {
            self.tok.kind = TokKind::LonelyStringOpen;
        }
        self.tok.pieces.push((start, self.last_at + 1));
        self.tok.tstring = Some(Box::new(parts));
    }

    /// After `{` in a t-string: reads `expr[=][!c][:spec]}`; `None` if malformed.
    fn tstring_interpolation(&mut self, parts: &mut TStringParts) -> Option<()> {
        let mut expr = Vec::new();
        let mut level: i64 = 0;
        while !self.is_end() {
            let c = self.c0();
            if level == 0 {
                let conv = c == b'!' as u32
                    && matches!(self.chr[1].c, 0x72 | 0x73 | 0x61)
                    && (self.chr[2].c == b':' as u32 || self.chr[2].c == b'}' as u32);
                if c == b':' as u32 || c == b'}' as u32 || conv {
                    break;
                }
            }
            if c == b'[' as u32 || c == b'{' as u32 || c == b'(' as u32 {
                level += 1;
            } else if c == b']' as u32 || c == b'}' as u32 || c == b')' as u32 {
                level -= 1;
            }
            expr.push(c as u8);
            self.next_char();
        }
        if self.is_end() || expr.is_empty() {
            return None;
        }
        let mut item = Interpolation::default();
        let debug = expr.last() == Some(&b'=');
        if debug {
            parts.segments.last_mut()?.extend_from_slice(&expr);
            expr.pop();
        }
        item.text = expr.clone();
        while item.text.last().is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            item.text.pop();
        }
        item.expr = expr;
        if self.is(b'!') {
            self.next_char();
            item.conv = Some(self.c0() as u8);
            self.next_char();
        }
        let mut has_spec = false;
        if self.is(b':') {
            has_spec = true;
            self.next_char();
            let mut depth = 0i64;
            while !self.is_end() {
                let c = self.c0();
                if c == b'}' as u32 && depth == 0 {
                    break;
                }
                if c == b'{' as u32 {
                    depth += 1;
                } else if c == b'}' as u32 {
                    depth -= 1;
                }
                item.spec.push(c as u8);
                self.next_char();
            }
        }
        if !self.is(b'}') {
            return None;
        }
        self.next_char();
        if debug && item.conv.is_none() && !has_spec {
            item.conv = Some(b'r');
        }
        parts.interpolations.push(item);
        Some(())
    }

}
