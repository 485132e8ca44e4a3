//! A software model of the x87 80-bit `long double` (64-bit significand, round to nearest even), which
//! mpy-cross on x86-64 Linux uses as `mp_large_float_t` for float formatting and parsing.
//!
//! Only what `py/formatfloat.c` and `py/parsenum.c` need is modelled: non-negative values, multiply, divide,
//! add, and exact conversions from `f64`/`u64` plus rounding conversions to `f64`/`u64`. Results below the x87
//! normal range are flushed to zero: such values are far below the smallest `f64` subnormal, and the code paths
//! that produce them only ever divide further before converting to `f64`, so the flush never changes a result.

/// A non-negative extended-precision value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ext80 {
    Zero,
    /// `mant * 2^exp`, with bit 63 of `mant` set.
    Finite { mant: u64, exp: i32 },
    Inf,
}

/// Exponent (of the integer significand) of the largest finite x87 value: `(2^64 - 1) * 2^16320`.
const MAX_EXP: i32 = 16383 - 63;
/// Exponent (of the integer significand) of the smallest normal x87 value: `2^63 * 2^-16445 = 2^-16382`.
const MIN_EXP: i32 = -16382 - 63;

impl Ext80 {
    pub const ONE: Ext80 = Ext80::Finite { mant: 1 << 63, exp: -63 };
    pub const TEN: Ext80 = Ext80::Finite { mant: 10 << 60, exp: -60 };
    pub const HALF: Ext80 = Ext80::Finite { mant: 1 << 63, exp: -64 };

    /// Builds `m * 2^exp` for an arbitrary non-zero `m` (exactly: `m` has at most 64 bits).
    fn normalised(m: u64, exp: i32) -> Ext80 {
        if m == 0 {
            return Ext80::Zero;
        }
        let lz = m.leading_zeros() as i32;
        Ext80::finite(m << lz, exp - lz)
    }

    /// Range check for an already-normalised result.
    fn finite(mant: u64, exp: i32) -> Ext80 {
        if exp > MAX_EXP {
            Ext80::Inf
        } else if exp < MIN_EXP {
            Ext80::Zero
        } else {
            Ext80::Finite { mant, exp }
        }
    }

    /// Rounds `keep` (with `round`/`sticky` information about the discarded bits) to nearest even.
    fn round(keep: u64, exp: i32, round_up_half: bool, above_half: bool, exactly_half: bool) -> Ext80 {
        let up = above_half || (exactly_half && (round_up_half || keep & 1 == 1));
        if up {
            match keep.checked_add(1) {
                Some(k) => Ext80::finite(k, exp),
                None => Ext80::finite(1 << 63, exp + 1),
            }
        } else {
            Ext80::finite(keep, exp)
        }
    }

    /// Exact conversion of a non-negative `f64` (the sign is ignored).
    pub fn from_f64(f: f64) -> Ext80 {
        let bits = f.to_bits() & !(1u64 << 63);
        let biased = (bits >> 52) as i32;
        let frac = bits & ((1u64 << 52) - 1);
        match biased {
            0x7ff => Ext80::Inf,
            0 => Ext80::normalised(frac, -1074),
            _ => Ext80::normalised(frac | (1u64 << 52), biased - 1075),
        }
    }

    /// Exact conversion of an unsigned 64-bit integer.
    pub fn from_u64(n: u64) -> Ext80 {
        Ext80::normalised(n, 0)
    }

    pub fn is_zero(self) -> bool {
        self == Ext80::Zero
    }

    /// `self * rhs`, rounded.
    pub fn times(self, rhs: Ext80) -> Ext80 {
        match (self, rhs) {
            (Ext80::Zero, _) | (_, Ext80::Zero) => Ext80::Zero,
            (Ext80::Inf, _) | (_, Ext80::Inf) => Ext80::Inf,
            (Ext80::Finite { mant: a, exp: ea }, Ext80::Finite { mant: b, exp: eb }) => {
                let p = u128::from(a) * u128::from(b);
                let shift = if p >> 127 != 0 { 64 } else { 63 };
                let keep = (p >> shift) as u64;
                let rem = p & ((1u128 << shift) - 1);
                let half = 1u128 << (shift - 1);
                Ext80::round(keep, ea + eb + shift, false, rem > half, rem == half)
            }
        }
    }

    /// `self / rhs`, rounded. Division by zero never happens in the callers; it yields infinity.
    pub fn divided_by(self, rhs: Ext80) -> Ext80 {
        match (self, rhs) {
            (Ext80::Zero, _) | (_, Ext80::Inf) => Ext80::Zero,
            (Ext80::Inf, _) | (_, Ext80::Zero) => Ext80::Inf,
            (Ext80::Finite { mant: a, exp: ea }, Ext80::Finite { mant: b, exp: eb }) => {
                let b128 = u128::from(b);
                let n = u128::from(a) << 64;
                let q = n / b128;
                let r = n % b128;
                // a/b = q / 2^64 (+ remainder); q has 64 or 65 significant bits.
                let (keep, round_bit, sticky, exp) = if q >> 64 != 0 {
                    ((q >> 1) as u64, q & 1 == 1, r != 0, ea - eb - 63)
                } else {
                    let r2 = r << 1;
                    let bit = r2 >= b128;
                    let r3 = if bit { r2 - b128 } else { r2 };
                    (q as u64, bit, r3 != 0, ea - eb - 64)
                };
                Ext80::round(keep, exp, false, round_bit && sticky, round_bit && !sticky)
            }
        }
    }

    /// `self + rhs` for non-negative operands, rounded.
    pub fn plus(self, rhs: Ext80) -> Ext80 {
        match (self, rhs) {
            (Ext80::Zero, x) | (x, Ext80::Zero) => x,
            (Ext80::Inf, _) | (_, Ext80::Inf) => Ext80::Inf,
            (Ext80::Finite { mant: a, exp: ea }, Ext80::Finite { mant: b, exp: eb }) => {
                let (hi, ehi, lo, elo) = if ea >= eb { (a, ea, b, eb) } else { (b, eb, a, ea) };
                let d = (ehi - elo) as u32;
                // Both scaled by 2^63 so the sum fits in 128 bits.
                let x = u128::from(hi) << 63;
                let ylo = u128::from(lo) << 63;
                let (y, lost) = if d >= 128 { (0, ylo != 0) } else { (ylo >> d, ylo & ((1u128 << d) - 1) != 0) };
                let s = x + y;
                let shift = if s >> 127 != 0 { 64 } else { 63 };
                let keep = (s >> shift) as u64;
                let rem = s & ((1u128 << shift) - 1);
                let half = 1u128 << (shift - 1);
                let above = rem > half || (rem == half && lost);
                let exactly = rem == half && !lost;
                Ext80::round(keep, ehi - 63 + shift, false, above, exactly)
            }
        }
    }

    /// Conversion to `f64` with round to nearest even, gradual underflow and overflow to infinity.
    pub fn to_f64(self) -> f64 {
        match self {
            Ext80::Zero => 0.0,
            Ext80::Inf => f64::INFINITY,
            Ext80::Finite { mant, exp } => {
                let top = 63 + exp; // the value is in [2^top, 2^(top+1))
                if top > 1023 {
                    return f64::INFINITY;
                }
                // Number of low bits of `mant` to drop: 11 for normals, more for subnormals.
                let shift: i32 = if top >= -1022 { 11 } else { -(exp + 1074) };
                if shift >= 128 {
                    return 0.0;
                }
                let m = u128::from(mant);
                let keep = m >> shift;
                let rem = m & ((1u128 << shift) - 1);
                let half = 1u128 << (shift - 1);
                let up = rem > half || (rem == half && keep & 1 == 1);
                let mut keep = (keep + u128::from(up)) as u64;
                if top >= -1022 {
                    let mut e = top;
                    if keep == 1 << 53 {
                        keep = 1 << 52;
                        e += 1;
                        if e > 1023 {
                            return f64::INFINITY;
                        }
                    }
                    f64::from_bits(((e + 1023) as u64) << 52 | (keep & ((1 << 52) - 1)))
                } else {
                    // Subnormal (or rounded up to the smallest normal, which the bit pattern handles).
                    f64::from_bits(keep)
                }
            }
        }
    }

    /// Conversion to `u64` truncating toward zero (the callers only convert values below 2^64).
    pub fn to_u64_trunc(self) -> u64 {
        match self {
            Ext80::Zero => 0,
            Ext80::Inf => u64::MAX,
            Ext80::Finite { mant, exp } => {
                if exp >= 0 {
                    if exp == 0 {
                        mant
                    } else {
                        u64::MAX
                    }
                } else if exp <= -64 {
                    0
                } else {
                    mant >> (-exp)
                }
            }
        }
    }
}

/// `num * 10^dec_exp` computed as `mp_decimal_exp` does with `MICROPY_FLOAT_FORMAT_IMPL_EXACT`: repeated
/// squaring of 10 in extended precision, multiplying (or dividing, for negative exponents) by the powers
/// selected by the bits of the exponent.
pub fn decimal_exp(num: Ext80, dec_exp: i32) -> Ext80 {
    if dec_exp == 0 || num.is_zero() {
        return num;
    }
    let neg = dec_exp < 0;
    let mut e = dec_exp.unsigned_abs();
    let mut res = num;
    let mut expo = Ext80::TEN;
    while e != 0 {
        if e & 1 != 0 {
            res = if neg { res.divided_by(expo) } else { res.times(expo) };
        }
        e >>= 1;
        if e != 0 {
            expo = expo.times(expo);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f64_round_trip() {
        for f in [0.0, 1.0, 0.1, 1e300, 5e-324, 2.2250738585072014e-308, f64::MAX, 123.456] {
            assert_eq!(Ext80::from_f64(f).to_f64(), f);
        }
    }

    #[test]
    fn arithmetic_matches_f64_when_exact() {
        let a = Ext80::from_f64(3.0);
        let b = Ext80::from_f64(7.0);
        assert_eq!(a.times(b).to_f64(), 21.0);
        assert_eq!(Ext80::from_f64(21.0).divided_by(b).to_f64(), 3.0);
        assert_eq!(a.plus(b).to_f64(), 10.0);
        assert_eq!(Ext80::from_f64(1.5).plus(Ext80::HALF).to_u64_trunc(), 2);
        assert_eq!(Ext80::from_u64(u64::MAX).to_u64_trunc(), u64::MAX);
    }

    #[test]
    fn powers_of_ten() {
        for k in 0..=22 {
            let want = 10f64.powi(k);
            assert_eq!(decimal_exp(Ext80::ONE, k).to_f64(), want, "10^{k}");
        }
        assert_eq!(decimal_exp(Ext80::ONE, 400).to_f64(), f64::INFINITY);
        assert_eq!(decimal_exp(Ext80::ONE, -400).to_f64(), 0.0);
        assert_eq!(decimal_exp(Ext80::ONE, 100_000), Ext80::Inf);
        assert_eq!(decimal_exp(Ext80::ONE, -100_000), Ext80::Zero);
    }

    #[test]
    fn division_rounding() {
        // 1/3 in 64 bits: 0xAAAA...AB * 2^-65 (rounded up).
        let third = Ext80::ONE.divided_by(Ext80::from_u64(3));
        assert_eq!(third, Ext80::Finite { mant: 0xAAAA_AAAA_AAAA_AAAB, exp: -65 });
        // 2/3: 0xAAAA...AB * 2^-64.
        let two_thirds = Ext80::from_u64(2).divided_by(Ext80::from_u64(3));
        assert_eq!(two_thirds, Ext80::Finite { mant: 0xAAAA_AAAA_AAAA_AAAB, exp: -64 });
    }
}
