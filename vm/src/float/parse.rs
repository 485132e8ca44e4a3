//! MicroPython's decimal float parser (`mp_parse_float_internal` in `py/parsenum.c`, EXACT build): the digits
//! are accumulated into a 64-bit integer, then scaled by a power of ten in x87 extended precision and rounded
//! to `f64`. This is not always the correctly rounded result, and the float formatter's round-trip check
//! depends on exactly this parser, so it is ported here.

use super::ext80::{decimal_exp, Ext80};

/// Digits beyond this mantissa value are treated as trailing zeros (`MANTISSA_MAX` for a 64-bit mantissa).
const MANTISSA_MAX: u64 = 0x1999_9999_9999_9998;

#[derive(Clone, Copy, PartialEq, Eq)]
enum In {
    Intg,
    Frac,
    Exp,
}

fn accept_digit(mantissa: u64, dig: u64, exp_extra: &mut i32, part: In) -> u64 {
    if mantissa < MANTISSA_MAX {
        if part == In::Frac {
            *exp_extra -= 1;
        }
        10 * mantissa + dig
    } else {
        if part == In::Intg {
            *exp_extra += 1;
        }
        mantissa
    }
}

/// Parses an unsigned decimal number (`123`, `1.5`, `.5`, `1e-3`, `1_000.0`) from the start of `s`.
///
/// Returns the value and the number of bytes consumed (parsing stops at the first byte that can't continue
/// the number), or `None` when `s` ends right after the exponent marker (or its sign), as the C code does.
/// Like the C code, it does not check that any digit was present: the caller does.
pub fn parse_unsigned_decimal(s: &[u8]) -> Option<(f64, usize)> {
    let mut part = In::Intg;
    let mut exp_neg = false;
    let mut mantissa: u64 = 0;
    let mut exp_val: i32 = 0;
    let mut exp_extra: i32 = 0;
    let mut trailing_zeros_intg: i32 = 0;
    let mut trailing_zeros_frac: i32 = 0;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c.is_ascii_digit() {
            let dig = u64::from(c - b'0');
            if part == In::Exp {
                if exp_val < (i32::MAX / 2 - 9) / 10 {
                    exp_val = 10 * exp_val + dig as i32;
                }
            } else if dig == 0 || mantissa >= MANTISSA_MAX {
                if part == In::Intg {
                    trailing_zeros_intg += 1;
                } else {
                    trailing_zeros_frac += 1;
                }
            } else {
                while trailing_zeros_intg > 0 {
                    mantissa = accept_digit(mantissa, 0, &mut exp_extra, In::Intg);
                    trailing_zeros_intg -= 1;
                }
                while trailing_zeros_frac > 0 {
                    mantissa = accept_digit(mantissa, 0, &mut exp_extra, In::Frac);
                    trailing_zeros_frac -= 1;
                }
                mantissa = accept_digit(mantissa, dig, &mut exp_extra, part);
            }
        } else if part == In::Intg && c == b'.' {
            part = In::Frac;
        } else if part != In::Exp && (c | 0x20) == b'e' {
            part = In::Exp;
            if i < s.len() {
                if s[i] == b'+' {
                    i += 1;
                } else if s[i] == b'-' {
                    i += 1;
                    exp_neg = true;
                }
            }
            if i == s.len() {
                return None;
            }
        } else if c == b'_' {
            continue;
        } else {
            i -= 1;
            break;
        }
    }
    if exp_neg {
        exp_val = -exp_val;
    }
    exp_val += exp_extra + trailing_zeros_intg;
    let value = decimal_exp(Ext80::from_u64(mantissa), exp_val).to_f64();
    Some((value, i))
}

/// Convenience: the value of a complete unsigned decimal string, or `None` if it isn't one.
pub fn parse_decimal_str(s: &str) -> Option<f64> {
    let (v, n) = parse_unsigned_decimal(s.as_bytes())?;
    (n == s.len() && n > 0).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_values() {
        assert_eq!(parse_decimal_str("1.5"), Some(1.5));
        assert_eq!(parse_decimal_str("0.1"), Some(0.1));
        assert_eq!(parse_decimal_str("1e+100"), Some(1e100));
        assert_eq!(parse_decimal_str("1e-05"), Some(1e-5));
        assert_eq!(parse_decimal_str("1_000.5"), Some(1000.5));
        assert_eq!(parse_decimal_str("9007199254740993"), Some(9007199254740992.0));
        assert_eq!(parse_decimal_str("4.940656458412465e-324"), Some(5e-324));
        assert_eq!(parse_decimal_str("1e400"), Some(f64::INFINITY));
        assert_eq!(parse_decimal_str("1e-400"), Some(0.0));
        assert_eq!(parse_decimal_str("1e"), None);
        assert_eq!(parse_unsigned_decimal(b"12j"), Some((12.0, 2)));
    }
}
