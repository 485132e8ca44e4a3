//! MicroPython's float text: `repr` of floats and complex numbers exactly as mpy-cross 1.29 writes them into
//! `.mpy` constant tables (`py/formatfloat.c`, `py/objfloat.c`, `py/objcomplex.c`), and the decimal parser
//! that the formatter's round-trip check relies on (`py/parsenum.c`).
//!
//! mpy-cross on x86-64 Linux is built with `MICROPY_FLOAT_FORMAT_IMPL_EXACT`, which computes in x87 `long
//! double`; [`ext80`] models that arithmetic bit for bit.

pub mod ext80;
pub mod format;
pub mod parse;

pub use format::{format_float, REPR_PREC};
pub use parse::{parse_decimal_str, parse_unsigned_decimal};

/// Size of the stack buffer `mp_print_float` and `complex_print` format into.
const PRINT_BUF_SIZE: usize = 32;

/// `repr(f)` as MicroPython prints it (`float_print`: `'g'`, `MP_FLOAT_REPR_PREC`, `PF_FLAG_ALWAYS_DECIMAL`).
/// Examples: `1.5`, `1e+100`, `1000000000000000.0`, `-0.0`, `inf`, `nan`, `4.940656458412465e-324`.
pub fn repr(f: f64) -> String {
    let mut s = format_float(f, PRINT_BUF_SIZE, b'g', REPR_PREC, 0);
    if !s.bytes().any(|b| b == b'.' || b == b'e' || b == b'n') {
        s.push_str(".0");
    }
    s
}

/// The `repr` of a complex number (`complex_print`): `1.5j` when the real part is zero (of either sign),
/// otherwise `(1+2j)` / `(1-2j)`. The parts are formatted without a forced decimal point (`2j`, not `2.0j`).
pub fn complex_repr(real: f64, imag: f64) -> String {
    let part = |v: f64| format_float(v, PRINT_BUF_SIZE, b'g', REPR_PREC, 0);
    if real == 0.0 {
        format!("{}j", part(imag))
    } else {
        let plus = if imag >= 0.0 || imag.is_nan() { "+" } else { "" };
        format!("({}{}{}j)", part(real), plus, part(imag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_seen_in_mpy_cross_output() {
        let cases: &[(f64, &str)] = &[
            (5e-324, "4.940656458412465e-324"),
            (1e100, "1e+100"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1.0, "1.0"),
            (100.0, "100.0"),
            (1e22, "1e+22"),
            (9007199254740992.0, "9007199254740992.0"),
            (0.30000000000000004, "0.30000000000000004"),
            (f64::MAX, "1.7976931348623157e+308"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (12345678901234567890.0, "1.2345678901234567e+19"),
            (1e-323, "0.988131291682493e-323"),
            (1e-320, "0.999988867182683e-320"),
            (2.225073858507201e-308, "2.225073858507201e-308"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
        ];
        for (f, want) in cases {
            assert_eq!(repr(*f), *want, "repr of {f:e}");
        }
    }

    #[test]
    fn complex_reprs_seen_in_mpy_cross_output() {
        assert_eq!(complex_repr(0.0, 1.5), "1.5j");
        assert_eq!(complex_repr(0.0, 2.0), "2j");
        assert_eq!(complex_repr(0.0, 0.0), "0j");
        assert_eq!(complex_repr(0.0, 0.30000000000000004), "0.30000000000000004j");
        assert_eq!(complex_repr(0.0, 1e16), "1e+16j");
        assert_eq!(complex_repr(0.0, 1e15), "1000000000000000j");
        assert_eq!(complex_repr(0.0, f64::INFINITY), "infj");
        assert_eq!(complex_repr(0.0, 5e-324), "4.940656458412465e-324j");
        // Not producible by mpy-cross (it never folds to a complex with a real part); from the C source.
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(1.0, -2.5), "(1-2.5j)");
    }
}
