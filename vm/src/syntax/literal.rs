//! Number literals decoded from their token text exactly as MicroPython's number parser does it, and the
//! messages of its literal errors. (String literals are decoded by the [`lexer`](crate::syntax::lexer).)
//!
//! * Integers (`mp_parse_num_integer`): `0x 0o 0b` prefixes; a leading `0` followed by more digits means
//!   "base 1" and only zeros parse; the error quotes the digits like a str repr.
//! * Floats and imaginary numbers (`mp_parse_num_decimal`): the digits go through MicroPython's decimal
//!   parser, [`crate::float::parse`] (the same one the float formatter's round-trip check uses), then an
//!   optional `j` makes it imaginary.

use num_bigint::BigInt;
use num_traits::Num;

use crate::syntax::ast::Constant;

/// A literal MicroPython rejects, with the byte offset (within the literal text) of the failing token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiteralError {
    pub offset: usize,
    pub kind: LiteralErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiteralErrorKind {
    /// `mp_parse_num_integer` failed: `invalid syntax for integer with base N: '<digits>'`.
    BadInteger { base: u32, text: Vec<u8> },
    /// `mp_parse_num_float` failed: `invalid syntax for number`.
    BadNumber,
}

/// Decodes a number token as the lexer classified it (`MP_TOKEN_FLOAT_OR_IMAG` or `MP_TOKEN_INTEGER`).
pub fn decode_number(text: &str, is_float: bool) -> Result<Constant, LiteralError> {
    if is_float {
        return parse_float_literal(text).ok_or(LiteralError { offset: 0, kind: LiteralErrorKind::BadNumber });
    }
    decode_integer(text).map(Constant::Int)
}

/// A float/imaginary token as the lexer hands it over (`E` already `e`; underscores are skipped by the
/// parser too). `None` where MicroPython raises `SyntaxError: invalid syntax for number`.
pub fn parse_float_literal(text: &str) -> Option<Constant> {
    let b = text.as_bytes();
    let (value, used) = crate::float::parse_unsigned_decimal(b)?;
    if used == 0 {
        return None;
    }
    match &b[used..] {
        [] => Some(Constant::Float(value)),
        [j] if (j | 0x20) == b'j' => Some(Constant::Complex { real: 0.0, imag: value }),
        _ => None,
    }
}

/// `mp_parse_num_integer` with base 0 on a lexer token (`mp_parse_num_base` picks the base: `0x`, `0o`,
/// `0b`, a leading `0` followed by more text means "base 1", which only accepts zeros).
fn decode_integer(text: &str) -> Result<BigInt, LiteralError> {
    let b = text.as_bytes();
    let (mut base, mut start) = (10u32, 0usize);
    if b.len() > 1 && b[0] == b'0' {
        match b[1] | 0x20 {
            b'x' => (base, start) = (16, 2),
            b'o' => (base, start) = (8, 2),
            b'b' => (base, start) = (2, 2),
            _ => base = 1,
        }
    }
    let body = &b[start..];
    let mut end = 0;
    let mut digits = String::new();
    while end < body.len() {
        let c = body[end];
        let d = match c {
            b'0'..=b'9' => (c - b'0') as u32,
            b'_' => {
                end += 1;
                continue;
            }
            _ if (c | 0x20).is_ascii_lowercase() => ((c | 0x20) - b'a') as u32 + 10,
            _ => break,
        };
        if d >= base {
            break;
        }
        digits.push(c as char);
        end += 1;
    }
    if end == 0 || end != body.len() {
        return Err(LiteralError { offset: 0, kind: LiteralErrorKind::BadInteger { base: if base == 1 { 0 } else { base }, text: body.to_vec() } });
    }
    let radix = if base == 1 { 10 } else { base };
    BigInt::from_str_radix(&digits, radix)
        .map_err(|_| LiteralError { offset: 0, kind: LiteralErrorKind::BadInteger { base, text: body.to_vec() } })
}

/// The message of a failed integer literal: `invalid syntax for integer with base N: '<text>'`, the text
/// quoted the way MicroPython prints a str repr.
pub fn bad_integer_message(base: u32, text: &[u8]) -> String {
    format!("invalid syntax for integer with base {base}: {}", quote_repr(text))
}

/// `mp_str_print_quoted`: single quotes unless the text has `'` and no `"`; escapes `\\`, the quote,
/// `\n`, `\r`, `\t`, other control bytes as `\xNN`.
pub fn quote_repr(text: &[u8]) -> String {
    let q = if text.contains(&b'\'') && !text.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(q);
    for ch in String::from_utf8_lossy(text).chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> f64 {
        match parse_float_literal(s) {
            Some(Constant::Float(v)) => v,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn float_literals() {
        assert_eq!(f("0.1"), 0.1);
        assert_eq!(f("1.5"), 1.5);
        assert_eq!(f("1e400"), f64::INFINITY);
        assert_eq!(f("1e-400"), 0.0);
        assert_eq!(f("2.5e-10"), 2.5e-10);
        assert_eq!(f(".5"), 0.5);
        assert_eq!(f("1."), 1.0);
        assert_eq!(f("123456789012345678901234567890"), 1.2345678901234568e29);
        assert_eq!(f("5e-324"), 5e-324);
        assert_eq!(f("1.7976931348623157e308"), f64::MAX);
        assert_eq!(parse_float_literal("2j"), Some(Constant::Complex { real: 0.0, imag: 2.0 }));
        for s in ["1e", "1e+", "1.2.3", "1jj", "1.5x", "0x1.5"] {
            assert_eq!(parse_float_literal(s), None, "{s}");
        }
    }

    #[test]
    fn integers() {
        let int = |s: &str| decode_number(s, false);
        assert_eq!(int("1_000").unwrap(), Constant::Int(1000.into()));
        assert_eq!(int("0x_ff").unwrap(), Constant::Int(255.into()));
        assert_eq!(int("0b101").unwrap(), Constant::Int(5.into()));
        assert_eq!(int("0o17").unwrap(), Constant::Int(15.into()));
        assert_eq!(int("00").unwrap(), Constant::Int(0.into()));
        let msg = |s: &str| match int(s).unwrap_err().kind {
            LiteralErrorKind::BadInteger { base, text } => bad_integer_message(base, &text),
            k => panic!("{k:?}"),
        };
        assert_eq!(msg("0x"), "invalid syntax for integer with base 16: ''");
        assert_eq!(msg("0777"), "invalid syntax for integer with base 0: '0777'");
        assert_eq!(msg("1if"), "invalid syntax for integer with base 10: '1if'");
    }
}
