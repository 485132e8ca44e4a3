//! Literal values decoded from source text exactly as MicroPython's lexer and number parser do it.
//!
//! * Strings (`parse_string_literal` in `py/lexer.c`): adjacent literals are joined by the lexer; escapes
//!   `\a \b \f \n \r \t \v \\ \' \" \xHH \uHHHH \UHHHHHHHH \ooo` and backslash-newline are decoded; an
//!   unknown escape keeps its backslash; `\N{…}` raises `NotImplementedError`; `\u`/`\U` stay literal in
//!   bytes; raw literals keep every backslash. Only lowercase prefixes exist (`u b r br rb f rf fr`).
//! * Integers (`mp_parse_num_integer`): `0x 0o 0b` prefixes, underscores anywhere after the first digit.
//! * Floats and imaginary numbers: [`float_parse`](crate::syntax::float_parse).

use num_bigint::BigInt;
use num_traits::Num;

use crate::syntax::ast::{Constant, StrKind};

/// A literal MicroPython rejects, with the byte offset (within the literal text) of the failing token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiteralError {
    pub offset: usize,
    pub kind: LiteralErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiteralErrorKind {
    /// The lexer produced `MP_TOKEN_INVALID` (bad `\x`/`\u` escape, code point out of range).
    InvalidToken,
    /// `\N{...}`: `NotImplementedError: unicode name escapes`.
    NameEscape,
    /// A str literal followed by a bytes literal or vice versa: the parser fails on the second one.
    MixedBytes,
    /// `mp_parse_num_integer` failed: `invalid syntax for integer with base N`.
    BadInteger { base: u32 },
    /// `mp_parse_num_float` failed: `invalid syntax for number`.
    BadNumber,
    /// The decoded string is not valid UTF-8 (e.g. a lone surrogate escape); we cannot represent it.
    NotUtf8,
}

/// Decodes a number token (`123`, `0x1f`, `1_000`, `1.5e3`, `2j`).
pub fn decode_number(text: &str) -> Result<Constant, LiteralError> {
    let bytes = text.as_bytes();
    let is_float = bytes.first() == Some(&b'.')
        || !(bytes.len() > 1 && bytes[0] == b'0' && matches!(bytes[1] | 0x20, b'x' | b'o' | b'b'))
            && bytes.iter().any(|&c| matches!(c, b'.' | b'e' | b'E' | b'j' | b'J'));
    if is_float {
        return crate::syntax::float_parse::parse_float_literal(text)
            .ok_or(LiteralError { offset: 0, kind: LiteralErrorKind::BadNumber });
    }
    decode_integer(text).map(Constant::Int)
}

/// `mp_parse_num_integer` with base 0 on a lexer token (underscores already allowed by the lexer).
fn decode_integer(text: &str) -> Result<BigInt, LiteralError> {
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    let b = digits.as_bytes();
    let (base, body) = if b.len() >= 2 && b[0] == b'0' {
        match b[1] | 0x20 {
            b'x' => (16, &digits[2..]),
            b'o' => (8, &digits[2..]),
            b'b' => (2, &digits[2..]),
            _ => (10, &digits[..]),
        }
    } else {
        (10, &digits[..])
    };
    if body.is_empty() || !body.bytes().all(|c| (c as char).is_digit(base)) {
        return Err(LiteralError { offset: 0, kind: LiteralErrorKind::BadInteger { base } });
    }
    BigInt::from_str_radix(body, base).map_err(|_| LiteralError { offset: 0, kind: LiteralErrorKind::BadInteger { base } })
}

/// Decodes a run of adjacent string or bytes literals (with the whitespace, comments and line
/// continuations between them) into one constant. `kind` is provisional ([`StrKind::Object`]); the
/// interning pass decides it.
pub fn decode_string_run(text: &str) -> Result<Constant, LiteralError> {
    let b = text.as_bytes();
    let mut i = 0;
    let mut out: Vec<u8> = Vec::new();
    let mut is_bytes: Option<bool> = None;
    loop {
        // Skip what may separate adjacent literals.
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\x0b' => i += 1,
                b'\\' => i += 1,
                b'#' => {
                    while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        let mut raw = false;
        let mut bytes = false;
        while i < b.len() && matches!(b[i], b'u' | b'b' | b'r' | b'f' | b'U' | b'B' | b'R' | b'F') {
            match b[i] | 0x20 {
                b'r' => raw = true,
                b'b' => bytes = true,
                _ => {}
            }
            i += 1;
        }
        match is_bytes {
            None => is_bytes = Some(bytes),
            Some(prev) if prev != bytes => {
                return Err(LiteralError { offset: start, kind: LiteralErrorKind::MixedBytes });
            }
            _ => {}
        }
        let Some(&quote) = b.get(i) else { break };
        let triple = b.get(i + 1) == Some(&quote) && b.get(i + 2) == Some(&quote);
        i += if triple { 3 } else { 1 };
        i = decode_body(b, i, quote, triple, raw, bytes, &mut out).map_err(|kind| LiteralError { offset: start, kind })?;
    }
    if is_bytes == Some(true) {
        Ok(Constant::Bytes(out))
    } else {
        String::from_utf8(out)
            .map(|value| Constant::Str { value, kind: StrKind::Object })
            .map_err(|_| LiteralError { offset: 0, kind: LiteralErrorKind::NotUtf8 })
    }
}

/// Decodes one literal body starting after its opening quote(s); returns the offset after the closing quote.
fn decode_body(
    b: &[u8],
    mut i: usize,
    quote: u8,
    triple: bool,
    raw: bool,
    bytes: bool,
    out: &mut Vec<u8>,
) -> Result<usize, LiteralErrorKind> {
    let mut invalid = false;
    loop {
        let Some(&c) = b.get(i) else { break };
        if c == quote && (!triple || (b.get(i + 1) == Some(&quote) && b.get(i + 2) == Some(&quote))) {
            i += if triple { 3 } else { 1 };
            break;
        }
        if c == b'\r' {
            // The lexer turns CR LF and lone CR into LF.
            out.push(b'\n');
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            continue;
        }
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        // A backslash escape.
        i += 1;
        let Some(&e) = b.get(i) else { break };
        if raw {
            out.push(b'\\');
            if e == b'\r' {
                out.push(b'\n');
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            } else {
                out.push(e);
                i += 1;
            }
            continue;
        }
        i += 1;
        let code: Option<u32> = match e {
            b'\n' => None,
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
                None
            }
            b'\\' | b'\'' | b'"' => Some(e as u32),
            b'a' => Some(0x07),
            b'b' => Some(0x08),
            b't' => Some(0x09),
            b'n' => Some(0x0a),
            b'v' => Some(0x0b),
            b'f' => Some(0x0c),
            b'r' => Some(0x0d),
            b'u' | b'U' if bytes => {
                out.push(b'\\');
                Some(e as u32)
            }
            b'x' | b'u' | b'U' => {
                let n = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let mut num: u32 = 0;
                let mut ok = true;
                for _ in 0..n {
                    match b.get(i).and_then(|&h| (h as char).to_digit(16)) {
                        Some(d) => {
                            num = num.wrapping_shl(4).wrapping_add(d);
                            i += 1;
                        }
                        None => {
                            ok = false;
                            break;
                        }
                    }
                }
                if !ok {
                    invalid = true;
                }
                Some(num)
            }
            b'N' => return Err(LiteralErrorKind::NameEscape),
            b'0'..=b'7' => {
                let mut num = (e - b'0') as u32;
                let mut digits = 1;
                while digits < 3 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            num = num * 8 + (d - b'0') as u32;
                            i += 1;
                            digits += 1;
                        }
                        _ => break,
                    }
                }
                Some(num)
            }
            _ => {
                // Unknown escape: keep the backslash, then the character itself.
                out.push(b'\\');
                i -= 1;
                None
            }
        };
        if let Some(code) = code {
            if bytes {
                if code < 0x100 {
                    out.push(code as u8);
                } else {
                    invalid = true;
                }
            } else if let Some(ch) = char::from_u32(code) {
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            } else if code < 0x110000 {
                // A surrogate: MicroPython writes its 3-byte encoding, which is not valid UTF-8.
                out.push(0xe0 | (code >> 12) as u8);
                out.push(0x80 | ((code >> 6) & 0x3f) as u8);
                out.push(0x80 | (code & 0x3f) as u8);
            } else {
                invalid = true;
            }
        }
    }
    if invalid {
        return Err(LiteralErrorKind::InvalidToken);
    }
    Ok(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Constant {
        decode_string_run(text).unwrap()
    }

    fn st(v: &str) -> Constant {
        Constant::Str { value: v.to_string(), kind: StrKind::Object }
    }

    #[test]
    fn strings() {
        assert_eq!(s(r#""a\nb""#), st("a\nb"));
        assert_eq!(s(r#"'a' "b" # c
 '''d'''"#), st("abd"));
        assert_eq!(s(r#""\q\x41\101\u00e9""#), st("\\qAA\u{e9}"));
        assert_eq!(s(r#"r"\n\"""#), st("\\n\\\""));
        assert_eq!(s(r#"b"\u1234\xff""#), Constant::Bytes(b"\\u1234\xff".to_vec()));
        assert_eq!(s("'a\\\nb'"), st("ab"));
        assert_eq!(s("'''a\r\nb'''"), st("a\nb"));
    }

    #[test]
    fn string_errors() {
        assert_eq!(decode_string_run(r#""\x4""#).unwrap_err().kind, LiteralErrorKind::InvalidToken);
        assert_eq!(decode_string_run(r#""\N{DASH}""#).unwrap_err().kind, LiteralErrorKind::NameEscape);
        assert_eq!(decode_string_run(r#""a" b"c""#).unwrap_err().kind, LiteralErrorKind::MixedBytes);
        assert_eq!(decode_string_run(r#"b"\400""#).unwrap_err().kind, LiteralErrorKind::InvalidToken);
    }

    #[test]
    fn integers() {
        assert_eq!(decode_number("1_000").unwrap(), Constant::Int(1000.into()));
        assert_eq!(decode_number("0x_ff").unwrap(), Constant::Int(255.into()));
        assert_eq!(decode_number("0b101").unwrap(), Constant::Int(5.into()));
        assert_eq!(decode_number("0o17").unwrap(), Constant::Int(15.into()));
        assert!(decode_number("0x").is_err());
    }
}
