//! Text that may not be UTF-8: MicroPython's strings and qstrs are bytes, ours are `String`s.
//!
//! mpy-cross takes any bytes in string literals and identifiers (its lexer is 8-bit clean and treats every
//! byte >= 0x80 as part of an identifier), and writes them to the `.mpy` unchanged. To keep `String`
//! throughout the compiler, bytes that are not valid UTF-8 are held as the private-use characters
//! U+10FF00 + byte. The mapping is lossless both ways: a valid U+10FFxx character in the input is escaped
//! the same way, byte by byte, so every `String` decodes back to exactly its source bytes.

use std::borrow::Cow;

/// First character of the escape range: U+10FF00 + byte.
const BASE: u32 = 0x10_FF00;

fn is_escape(c: char) -> bool {
    (c as u32) >= BASE
}

/// The `String` holding `bytes` (borrowed when they are UTF-8 without escape-range characters).
pub fn from_bytes(bytes: &[u8]) -> Cow<'_, str> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !s.chars().any(is_escape) {
            return Cow::Borrowed(s);
        }
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    let escape = |out: &mut String, b: &[u8]| {
        for &x in b {
            out.push(char::from_u32(BASE + u32::from(x)).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
    };
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if is_escape(c) {
                escape(&mut out, c.encode_utf8(&mut [0; 4]).as_bytes());
            } else {
                out.push(c);
            }
        }
        escape(&mut out, chunk.invalid());
    }
    Cow::Owned(out)
}

/// The bytes a `String` made by [`from_bytes`] stands for.
pub fn to_bytes(s: &str) -> Cow<'_, [u8]> {
    if !s.chars().any(is_escape) {
        return Cow::Borrowed(s.as_bytes());
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if is_escape(c) {
            out.push((c as u32 - BASE) as u8);
        } else {
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
    Cow::Owned(out)
}

/// The byte an escape character stands for, if `c` is one.
pub fn escaped_byte(c: char) -> Option<u8> {
    is_escape(c).then(|| (c as u32 - BASE) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_bytes() {
        let cases: &[&[u8]] = &[b"plain", b"\xff\xfe", "é\u{10FF41}x".as_bytes(), b"a\xc3(b\xe2\x82", b"", b"\xf4\x8f\xbc\x80"];
        for &b in cases {
            let s = from_bytes(b);
            assert_eq!(&*to_bytes(&s), b, "{b:?}");
        }
        assert!(matches!(from_bytes(b"abc"), Cow::Borrowed(_)));
        assert_eq!(from_bytes(b"\xff").chars().next().and_then(escaped_byte), Some(0xff));
    }
}
