//! Numeric operations as mpy-cross performs them while folding (`mp_binary_op`, `mp_unary_op` on the
//! 64-bit host): arbitrary-precision ints, C doubles, and `None` wherever MicroPython would raise (the
//! parser then leaves the expression unfolded) or produce a complex number.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::syntax::ast::{BinOp, UnaryOp};

/// A number the folder can compute with.
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    Int(BigInt),
    Float(f64),
}

/// Results larger than this many bits are not folded: mpy-cross's 2 MB heap would fail to hold them
/// (a `MemoryError` inside the fold, which the parser swallows).
const MAX_INT_BITS: u64 = 4 << 20;

/// MicroPython's small ints on the 64-bit host are 63-bit; wider ints are mpz.
fn is_host_small(i: &BigInt) -> Option<i64> {
    let v = i.to_i64()?;
    if (-(1i64 << 62)..(1i64 << 62)).contains(&v) {
        Some(v)
    } else {
        None
    }
}

/// `mp_obj_get_float` of an int: exact C conversion for small ints, `mpz_as_float` otherwise: digits most
/// significant first, one rounding per step, with mpy-cross's 32-bit mpz digits (`MPZ_DIG_SIZE` is 32 on an
/// x86-64 host; 16-bit digits round differently, a difference found by the differential fuzzer).
pub fn int_to_float(i: &BigInt) -> f64 {
    if let Some(v) = is_host_small(i) {
        return v as f64;
    }
    let (sign, digits) = i.to_u32_digits();
    let mut val = 0.0f64;
    for &d in digits.iter().rev() {
        val = val * 4_294_967_296.0 + d as f64;
    }
    if sign == Sign::Minus {
        -val
    } else {
        val
    }
}

fn as_float(n: &Num) -> f64 {
    match n {
        Num::Int(i) => int_to_float(i),
        Num::Float(f) => *f,
    }
}

/// `lhs op rhs`, or `None` when MicroPython raises or the result is complex.
pub fn binary(op: BinOp, lhs: &Num, rhs: &Num) -> Option<Num> {
    match (lhs, rhs) {
        (Num::Int(a), Num::Int(b)) => int_binary(op, a, b),
        _ => float_binary(op, as_float(lhs), as_float(rhs)),
    }
}

fn int_binary(op: BinOp, a: &BigInt, b: &BigInt) -> Option<Num> {
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => {
            if a.bits() + b.bits() > MAX_INT_BITS {
                return None;
            }
            a * b
        }
        BinOp::FloorDiv => {
            if b.is_zero() {
                return None;
            }
            a.div_floor(b)
        }
        BinOp::Mod => {
            if b.is_zero() {
                return None;
            }
            a.mod_floor(b)
        }
        BinOp::Div => {
            if b.is_zero() {
                return None;
            }
            return Some(Num::Float(int_to_float(a) / int_to_float(b)));
        }
        BinOp::Pow => {
            if b.is_negative() {
                return float_binary(op, int_to_float(a), int_to_float(b));
            }
            let e = b.to_u64()?;
            let base_bits = a.bits();
            if base_bits > 1 && e.saturating_mul(base_bits) > MAX_INT_BITS {
                return None;
            }
            num_traits::pow::Pow::pow(a, e)
        }
        BinOp::LShift => {
            if b.is_negative() {
                return None;
            }
            // mpz shifts take the count as a machine int (`mp_obj_int_get_checked`): a count past i64 raises
            // OverflowError, so mpy-cross leaves the shift unfolded (found by the differential fuzzer).
            let s = b.to_i64()? as u64;
            if a.is_zero() {
                BigInt::zero()
            } else {
                if s.saturating_add(a.bits()) > MAX_INT_BITS {
                    return None;
                }
                a << s
            }
        }
        BinOp::RShift => {
            if b.is_negative() {
                return None;
            }
            // A count past i64 is not folded, as for `<<`.
            match b.to_i64()? as u64 {
                s if s < a.bits() + 1 => a >> s,
                _ => {
                    if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        BinOp::MatMult => return None,
    };
    Some(Num::Int(r))
}

/// `mp_obj_float_binary_op`.
fn float_binary(op: BinOp, a: f64, b: f64) -> Option<Num> {
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => a * b,
        BinOp::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return None;
            }
            float_divmod(a, b).0
        }
        BinOp::Mod => {
            if b == 0.0 {
                return None;
            }
            let mut m = a % b;
            if m == 0.0 {
                m = 0.0f64.copysign(b);
            } else if (m < 0.0) != (b < 0.0) {
                m += b;
            }
            m
        }
        BinOp::Pow => {
            if a == 0.0 && b < 0.0 && !b.is_infinite() {
                return None;
            }
            if a < 0.0 && b != b.floor() && !b.is_nan() {
                // A complex result: not folded.
                return None;
            }
            a.powf(b)
        }
        _ => return None,
    };
    Some(Num::Float(r))
}

/// `mp_obj_float_divmod`: returns (floor quotient, modulo) the way MicroPython computes them.
fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m == 0.0 {
        m = 0.0f64.copysign(y);
    } else if (m < 0.0) != (y < 0.0) {
        m += y;
        div -= 1.0;
    }
    let floordiv = if div == 0.0 {
        0.0f64.copysign(x / y)
    } else {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    };
    (floordiv, m)
}

/// `op operand` for `+ - ~` (`~` only on ints), or `None` when MicroPython would not fold it.
pub fn unary(op: UnaryOp, n: &Num) -> Option<Num> {
    match (op, n) {
        (UnaryOp::UAdd, _) => Some(n.clone()),
        (UnaryOp::USub, Num::Int(i)) => Some(Num::Int(-i)),
        (UnaryOp::USub, Num::Float(f)) => Some(Num::Float(-f)),
        (UnaryOp::Invert, Num::Int(i)) => Some(Num::Int(-i - 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(v: i64) -> Num {
        Num::Int(v.into())
    }

    #[test]
    fn ints() {
        assert_eq!(binary(BinOp::FloorDiv, &i(-7), &i(2)), Some(i(-4)));
        assert_eq!(binary(BinOp::Mod, &i(-7), &i(2)), Some(i(1)));
        assert_eq!(binary(BinOp::Pow, &i(2), &i(-1)), Some(Num::Float(0.5)));
        assert_eq!(binary(BinOp::LShift, &i(1), &i(-1)), None);
        assert_eq!(binary(BinOp::Mod, &i(3), &i(0)), None);
        assert_eq!(binary(BinOp::Div, &i(1), &i(4)), Some(Num::Float(0.25)));
        assert_eq!(binary(BinOp::BitAnd, &i(-6), &i(7)), Some(i(2)));
        assert_eq!(binary(BinOp::MatMult, &i(1), &i(1)), None);
        assert_eq!(unary(UnaryOp::Invert, &i(5)), Some(i(-6)));
    }

    #[test]
    fn floats() {
        assert_eq!(binary(BinOp::FloorDiv, &Num::Float(7.5), &i(2)), Some(Num::Float(3.0)));
        assert_eq!(binary(BinOp::Mod, &Num::Float(-1.0), &i(3)), Some(Num::Float(2.0)));
        assert_eq!(binary(BinOp::Pow, &Num::Float(-8.0), &Num::Float(0.5)), None);
        assert_eq!(binary(BinOp::Pow, &i(0), &Num::Float(-1.0)), None);
        assert_eq!(unary(UnaryOp::Invert, &Num::Float(1.0)), None);
    }
}
