//! Float and imaginary literals parsed to `f64` exactly as mpy-cross does it (`mp_parse_num_decimal` and
//! `mp_parse_float_internal` in `py/parsenum.c`, `MICROPY_FLOAT_FORMAT_IMPL_EXACT` on an x86-64 host).
//!
//! The algorithm is not correctly rounded in general: up to 19 significant digits are accumulated in a
//! `u64` mantissa (more digits only move the exponent), then `mp_decimal_exp` multiplies or divides it by
//! powers of ten built by repeated squaring in the host's `long double` (x87 80-bit extended, 64-bit
//! significand, round to nearest even), and the result is finally rounded to `double`. [`F80`] reproduces
//! that arithmetic in software.

use crate::syntax::ast::Constant;

/// Largest mantissa that can take one more decimal digit (`MANTISSA_MAX` for a 64-bit mantissa).
const MANTISSA_MAX: u64 = 0x1999_9999_9999_9998;

/// Parses a float/imaginary token as the lexer hands it over (`E` already `e`; underscores skipped here
/// too). Returns `None` where MicroPython raises `SyntaxError: invalid syntax for number`.
pub fn parse_float_literal(text: &str) -> Option<Constant> {
    let b = text.as_bytes();
    let (value, used) = parse_decimal(b)?;
    if used == 0 {
        return None;
    }
    match &b[used..] {
        [] => Some(Constant::Float(value)),
        [j] if (j | 0x20) == b'j' => Some(Constant::Complex { real: 0.0, imag: value }),
        _ => None,
    }
}

/// `mp_parse_float_internal`: parses an unsigned decimal; returns the value and the bytes consumed, or
/// `None` when an exponent has no digits after `e` and its sign.
pub fn parse_decimal(s: &[u8]) -> Option<(f64, usize)> {
    #[derive(PartialEq, Clone, Copy)]
    enum In {
        Intg,
        Frac,
        Exp,
    }
    let mut st = In::Intg;
    let mut exp_neg = false;
    let mut mantissa: u64 = 0;
    let mut exp_val: i64 = 0;
    let mut exp_extra: i64 = 0;
    let (mut tz_intg, mut tz_frac) = (0i64, 0i64);
    let accept = |m: u64, dig: u64, exp_extra: &mut i64, st: In| -> u64 {
        if m < MANTISSA_MAX {
            if st == In::Frac {
                *exp_extra -= 1;
            }
            10 * m + dig
        } else {
            if st == In::Intg {
                *exp_extra += 1;
            }
            m
        }
    };
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c.is_ascii_digit() {
            let dig = (c - b'0') as u64;
            if st == In::Exp {
                if exp_val < (i32::MAX as i64 / 2 - 9) / 10 {
                    exp_val = 10 * exp_val + dig as i64;
                }
            } else if dig == 0 || mantissa >= MANTISSA_MAX {
                if st == In::Intg {
                    tz_intg += 1;
                } else {
                    tz_frac += 1;
                }
            } else {
                while tz_intg > 0 {
                    mantissa = accept(mantissa, 0, &mut exp_extra, In::Intg);
                    tz_intg -= 1;
                }
                while tz_frac > 0 {
                    mantissa = accept(mantissa, 0, &mut exp_extra, In::Frac);
                    tz_frac -= 1;
                }
                mantissa = accept(mantissa, dig, &mut exp_extra, st);
            }
        } else if st == In::Intg && c == b'.' {
            st = In::Frac;
        } else if st != In::Exp && (c | 0x20) == b'e' {
            st = In::Exp;
            match s.get(i) {
                Some(b'+') => i += 1,
                Some(b'-') => {
                    i += 1;
                    exp_neg = true;
                }
                _ => {}
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
    exp_val += exp_extra + tz_intg;
    Some((decimal_exp(mantissa, exp_val).to_f64(), i))
}

/// `mp_decimal_exp`: `num * 10**dec_exp` in long double, by repeated squaring.
fn decimal_exp(num: u64, dec_exp: i64) -> F80 {
    let num = F80::from_u64(num);
    if dec_exp == 0 || num.is_zero() {
        return num;
    }
    let neg = dec_exp < 0;
    let mut e = dec_exp.unsigned_abs();
    let mut res = num;
    let mut expo = F80::from_u64(10);
    while e != 0 {
        if e & 1 != 0 {
            res = if neg { res.div(expo) } else { res.mul(expo) };
        }
        e >>= 1;
        if e != 0 {
            expo = expo.mul(expo);
        }
    }
    res
}

/// A non-negative x87 extended-precision value: `mant * 2^(exp - 63)` with `mant` normalised (top bit
/// set), zero, or infinity. Underflow below the extended range flushes to zero: every caller ends in a
/// `double`, far above that range.
#[derive(Clone, Copy, Debug, PartialEq)]
struct F80 {
    mant: u64,
    exp: i32,
    inf: bool,
}

const F80_EXP_MAX: i32 = 16383;
const F80_EXP_MIN: i32 = -16382;

impl F80 {
    const ZERO: F80 = F80 { mant: 0, exp: 0, inf: false };
    const INF: F80 = F80 { mant: 0, exp: 0, inf: true };

    fn is_zero(self) -> bool {
        !self.inf && self.mant == 0
    }

    fn from_u64(v: u64) -> F80 {
        if v == 0 {
            return F80::ZERO;
        }
        let lz = v.leading_zeros();
        F80 { mant: v << lz, exp: 63 - lz as i32, inf: false }
    }

    /// Rounds `m * 2^e2` (plus a sticky bit for anything below `m`) to 64 significant bits, nearest-even.
    fn round_pack(m: u128, e2: i32, sticky: bool) -> F80 {
        if m == 0 {
            return F80::ZERO;
        }
        let bits = 128 - m.leading_zeros() as i32;
        let (mut mant, mut exp) = if bits > 64 {
            let shift = bits - 64;
            let kept = (m >> shift) as u64;
            let rem = m & ((1u128 << shift) - 1);
            let half = 1u128 << (shift - 1);
            let up = rem > half || (rem == half && (sticky || kept & 1 == 1));
            let (mant, carry) = if up { kept.overflowing_add(1) } else { (kept, false) };
            if carry {
                (1u64 << 63, e2 + bits)
            } else {
                (mant, e2 + bits - 1)
            }
        } else {
            ((m as u64) << (64 - bits), e2 + bits - 1)
        };
        if mant == 0 {
            mant = 1 << 63;
            exp += 1;
        }
        if exp > F80_EXP_MAX {
            F80::INF
        } else if exp < F80_EXP_MIN {
            F80::ZERO
        } else {
            F80 { mant, exp, inf: false }
        }
    }

    fn mul(self, o: F80) -> F80 {
        if self.inf || o.inf {
            return if self.is_zero() || o.is_zero() { F80::ZERO } else { F80::INF };
        }
        if self.is_zero() || o.is_zero() {
            return F80::ZERO;
        }
        let p = self.mant as u128 * o.mant as u128;
        F80::round_pack(p, self.exp + o.exp - 126, false)
    }

    fn div(self, o: F80) -> F80 {
        if self.inf {
            return F80::INF;
        }
        if o.inf || self.is_zero() {
            return F80::ZERO;
        }
        // Long division: 66 quotient bits plus a sticky remainder.
        let (a, b) = (self.mant as u128, o.mant as u128);
        let mut rem = a;
        let mut q: u128 = 0;
        for _ in 0..66 {
            q <<= 1;
            if rem >= b {
                rem -= b;
                q |= 1;
            }
            rem <<= 1;
        }
        // q ≈ (a / b) * 2^65.
        F80::round_pack(q, self.exp - o.exp - 65, rem != 0)
    }

    /// Rounds to the nearest `double` (ties to even), including subnormals.
    fn to_f64(self) -> f64 {
        if self.inf {
            return f64::INFINITY;
        }
        if self.mant == 0 {
            return 0.0;
        }
        // Number of low bits of `mant` to drop so that the kept LSB weighs 2^-52 relative (normal) or
        // 2^-1074 absolute (subnormal).
        let shift: i32 = if self.exp >= -1022 { 11 } else { -1074 - (self.exp - 63) };
        if shift > 65 {
            return 0.0;
        }
        let m = self.mant as u128;
        let kept = m >> shift;
        let rem = m & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        let kept = if rem > half || (rem == half && kept & 1 == 1) { kept + 1 } else { kept };
        // value = kept * 2^(exp - 63 + shift), exact in f64 unless it overflows.
        let e = self.exp - 63 + shift;
        (kept as f64) * pow2(e)
    }
}

/// `2^e` as an `f64` for `-1074 <= e`, infinity above the range.
fn pow2(e: i32) -> f64 {
    if e > 1023 {
        f64::INFINITY
    } else if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
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
    fn simple_values() {
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
    }

    #[test]
    fn rejects_what_micropython_rejects() {
        for s in ["1e", "1e+", "1.2.3", "1jj", "1.5x", "0x1.5"] {
            assert_eq!(parse_float_literal(s), None, "{s}");
        }
    }
}
