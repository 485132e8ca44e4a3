//! `mp_format_float` from `py/formatfloat.c` as built into mpy-cross 1.29 on x86-64 Linux
//! (`MICROPY_FLOAT_IMPL_DOUBLE`, `MICROPY_FLOAT_FORMAT_IMPL_EXACT`, `long double` = x87 extended).
//!
//! The algorithm: find the decimal exponent `e`, scale the value by a power of ten in extended precision to
//! get an integer mantissa of `num_digits` digits (rounded by adding 0.5 and truncating), render it, and for
//! `repr` precision start at 16 digits and add one digit at a time (up to 19) until MicroPython's own parser
//! reads the text back as the same double. The rendering quirks are kept on purpose, e.g. a subnormal such
//! as 1e-323 is written `0.988131291682493e-323` because the exponent estimate is taken from the rounded
//! power of ten.

use super::ext80::{decimal_exp, Ext80};
use super::parse::parse_unsigned_decimal;

/// The magic precision asking for `repr` behaviour (`MP_FLOAT_REPR_PREC`).
pub const REPR_PREC: i32 = 99;

const MAX_MANTISSA_DIGITS: i32 = 19;
const SAFE_MANTISSA_DIGITS: i32 = 16;
const FPMIN_BUF_SIZE: i32 = 7;

const FMT_MODE_E: u8 = 0x01;
const FMT_MODE_G: u8 = 0x02;
const FMT_MODE_F: u8 = 0x04;
const FMT_E_CASE: u8 = 0x20;

/// The output buffer, addressed like the C code's `char *` arithmetic (indices may step back over text).
struct Buf {
    bytes: Vec<u8>,
}

impl Buf {
    fn set(&mut self, i: usize, b: u8) {
        if i >= self.bytes.len() {
            self.bytes.resize(i + 1, 0);
        }
        self.bytes[i] = b;
    }

    fn get(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(0)
    }
}

/// Writes `0.` followed by `cnt` zeros at `s`; returns the new position.
fn prepend_zeros(buf: &mut Buf, mut s: usize, cnt: i32) -> usize {
    buf.set(s, b'0');
    buf.set(s + 1, b'.');
    s += 2;
    for _ in 0..cnt.max(0) {
        buf.set(s, b'0');
        s += 1;
    }
    s
}

/// `mp_format_mantissa`: renders `mantissa` (an integer of `num_digits` digits) at `s`; returns the end.
#[allow(clippy::too_many_arguments)]
fn format_mantissa(
    buf: &mut Buf,
    mut s: usize,
    mut mantissa: u64,
    mantissa_cap: u64,
    mut num_digits: i32,
    max_exp_zeros: i32,
    mut trailing_zeros: i32,
    mut dec: i32,
    mut e: i32,
    fmt_flags: u8,
) -> usize {
    if mantissa != 0 && mantissa >= mantissa_cap {
        if fmt_flags & FMT_MODE_F != 0 {
            num_digits += 1;
            dec += 1;
        } else {
            mantissa /= 10;
            e += 1;
        }
    }

    if fmt_flags & FMT_MODE_G != 0 && e != 0 {
        if e >= 0 {
            if e < max_exp_zeros {
                dec += e;
                if dec >= num_digits {
                    trailing_zeros = dec - (num_digits - 1);
                }
                e = 0;
            }
        } else if e >= -4 {
            let mut cnt = 0;
            while e < 0 && mantissa.is_multiple_of(10) {
                mantissa /= 10;
                cnt += 1;
                e += 1;
            }
            num_digits -= cnt;
            s = prepend_zeros(buf, s, cnt - e - 1);
            dec = 255;
            e = 0;
        }
    }

    let mut digit = num_digits - 1;
    while digit >= 0 {
        let ofs = if digit > dec { digit + 1 } else { digit };
        buf.set(s + ofs as usize, b'0' + (mantissa % 10) as u8);
        mantissa /= 10;
        digit -= 1;
    }
    let mut dot = dec >= 255;
    if dec + 1 < num_digits {
        dot = true;
        s += 1;
        buf.set(s + dec as usize, b'.');
    }
    s += num_digits.max(0) as usize;

    if trailing_zeros > 0 {
        dec -= num_digits - 1;
        while trailing_zeros > 0 {
            trailing_zeros -= 1;
            if dec == 0 {
                buf.set(s, b'.');
                s += 1;
                dot = true;
            }
            dec -= 1;
            buf.set(s, b'0');
            s += 1;
        }
    }
    if fmt_flags & FMT_MODE_G != 0 && dot {
        while s > 0 && buf.get(s - 1) == b'0' {
            s -= 1;
        }
        if s > 0 && buf.get(s - 1) == b'.' {
            s -= 1;
        }
    }

    if (e != 0 || fmt_flags & FMT_MODE_E != 0) && fmt_flags & FMT_MODE_F == 0 {
        buf.set(s, b'E' | (fmt_flags & FMT_E_CASE));
        s += 1;
        if e >= 0 {
            buf.set(s, b'+');
        } else {
            buf.set(s, b'-');
            e = -e;
        }
        s += 1;
        if e >= 100 {
            buf.set(s, b'0' + (e / 100) as u8);
            s += 1;
        }
        buf.set(s, b'0' + ((e / 10) % 10) as u8);
        buf.set(s + 1, b'0' + (e % 10) as u8);
        s += 2;
    }
    s
}

/// The unbiased binary exponent field of `f` (subnormals give -1023), as `fp_expval`.
fn fp_expval(f: f64) -> i32 {
    ((f.to_bits() >> 52) & 0x7ff) as i32 - 1023
}

/// `mp_format_float(f, buf, buf_size, fmt, prec, sign)`: `fmt` is one of `eEfFgG`, `prec` < 0 means 6 and
/// [`REPR_PREC`] asks for `repr`; `sign` is `b'+'`, `b' '` or 0 for positive numbers. `buf_size` is the C
/// buffer size, which bounds some precisions (mp_print_float uses 32).
pub fn format_float(f_entry: f64, buf_size: usize, fmt: u8, mut prec: i32, mut sign: u8) -> String {
    let mut out = String::new();
    let mut buf_size = buf_size as i32;
    let mut f = f_entry;
    if f_entry.is_sign_negative() && !f_entry.is_nan() {
        f = -f;
        sign = b'-';
    }
    if sign != 0 {
        out.push(sign as char);
        buf_size -= 1;
    }

    let uc = fmt & 0x20;
    if f.is_infinite() {
        for c in b"INF" {
            out.push((c ^ uc) as char);
        }
        return out;
    }
    if f.is_nan() {
        for c in b"NAN" {
            out.push((c ^ uc) as char);
        }
        return out;
    }

    let mut fmt_flags = uc;
    let lofmt = fmt | 0x20;
    if lofmt == b'f' {
        fmt_flags |= FMT_MODE_F;
    } else if lofmt == b'g' {
        fmt_flags |= FMT_MODE_G;
    } else {
        fmt_flags |= FMT_MODE_E;
    }

    if prec < 0 {
        prec = 6;
    }
    let mut max_exp_zeros = prec.min(buf_size - 3);
    if prec == REPR_PREC {
        prec = MAX_MANTISSA_DIGITS;
        max_exp_zeros = 16;
    }

    let mut e: i32 = 0;
    if f != 0.0 {
        // The C constant 0.3010299956639812 is exactly this double.
        e = (f64::from(fp_expval(f)) * std::f64::consts::LOG10_2) as i32;
        let positive_exp = f >= 1.0;
        let step = if positive_exp { 1 } else { -1 };
        let base_of = |e: i32| decimal_exp(Ext80::ONE, e + i32::from(positive_exp)).to_f64();
        let mut u_base = base_of(e);
        while (f >= u_base) == positive_exp {
            e += step;
            u_base = base_of(e);
        }
    }

    if fmt_flags & FMT_MODE_F != 0 && e > 0 {
        let req_size = e + prec + 2;
        if req_size > buf_size {
            fmt_flags ^= FMT_MODE_F;
            fmt_flags |= FMT_MODE_G;
            prec += 1;
        }
    }

    let mut max_digits = prec;
    let mut lead_zeros = 0;
    let mut trail_zeros = 0;
    if fmt_flags & FMT_MODE_F != 0 {
        if max_digits > buf_size - 3 {
            max_digits = buf_size - 3;
        }
        if e < 0 {
            if max_digits > 2 && e < -2 {
                lead_zeros = (-e).min(max_digits) - 2;
                max_digits -= lead_zeros;
            } else {
                max_digits += 1;
            }
        } else {
            max_digits += e + 1;
        }
    } else if fmt_flags & FMT_MODE_G == 0 || max_digits == 0 {
        max_digits += 1;
    }
    if max_digits > MAX_MANTISSA_DIGITS {
        trail_zeros = max_digits - MAX_MANTISSA_DIGITS;
        max_digits = MAX_MANTISSA_DIGITS;
    }
    let overhead = if fmt_flags & FMT_MODE_F != 0 { 3 } else { FPMIN_BUF_SIZE + 1 };
    if trail_zeros > buf_size - max_digits - overhead {
        trail_zeros = buf_size - max_digits - overhead;
    }

    let mut num_digits = SAFE_MANTISSA_DIGITS.min(max_digits);
    loop {
        let mut buf = Buf { bytes: Vec::with_capacity(40) };
        let mut s = 0usize;
        let extra_zeros = trail_zeros + (max_digits - num_digits);
        let mut dec = 0;
        let decexp;
        if f == 0.0 {
            decexp = 0;
        } else if fmt_flags & FMT_MODE_F != 0 {
            let mut d = num_digits - 1;
            if e < 0 {
                if lead_zeros > 0 {
                    s = prepend_zeros(&mut buf, s, lead_zeros);
                    d += lead_zeros + 1;
                    dec = 255;
                } else {
                    dec = 0;
                }
            } else {
                d -= e;
                dec = e;
            }
            decexp = d;
        } else {
            decexp = num_digits - e - 1;
        }

        let mut mantissa_cap: u64 = 10;
        for _ in 1..num_digits {
            mantissa_cap = mantissa_cap.wrapping_mul(10);
        }
        let mantissa_f = decimal_exp(Ext80::from_f64(f), decexp);
        let mantissa = mantissa_f.plus(Ext80::HALF).to_u64_trunc();

        let end = format_mantissa(
            &mut buf,
            s,
            mantissa,
            mantissa_cap,
            num_digits,
            max_exp_zeros,
            extra_zeros,
            dec,
            e,
            fmt_flags,
        );
        buf.bytes.truncate(end);

        if num_digits < max_digits {
            let check = parse_unsigned_decimal(&buf.bytes).map_or(f64::NAN, |(v, _)| v);
            if check != f {
                num_digits += 1;
                continue;
            }
        }
        out.push_str(&String::from_utf8_lossy(&buf.bytes));
        return out;
    }
}
