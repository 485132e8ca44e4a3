//! Encodings of the bytecode prelude and operands (`py/bc.h`, `py/bc.c`, `py/emitbc.c`).
//!
//! ```text
//! signature  : xSSSSEAA, then xFSSKAED while bits remain   (S = n_state-1, E = n_exc_stack,
//!                                                           F = scope flags, A = n_pos_args,
//!                                                           K = n_kwonly_args, D = n_def_pos_args)
//! size       : xIIIIIIC repeated                           (I = n_info bytes, C = n_cell bytes)
//! source info: simple_name qstr, one qstr per argument, line-number table
//! cells      : one byte per local that becomes a cell
//! ```

/// `mp_encode_uint`: 7-bit groups, most significant first, bit 7 set on all but the last byte.
pub fn encode_uint(out: &mut Vec<u8>, mut val: u64) {
    let mut buf = [0u8; 10];
    let mut p = buf.len();
    loop {
        p -= 1;
        buf[p] = (val & 0x7f) as u8;
        val >>= 7;
        if val == 0 {
            break;
        }
    }
    for (i, b) in buf[p..].iter().enumerate() {
        if p + i + 1 < buf.len() {
            out.push(b | 0x80);
        } else {
            out.push(*b);
        }
    }
}

/// The signed encoding of `LOAD_CONST_SMALL_INT`'s argument (`emit_write_bytecode_byte_int`): 7-bit
/// groups, most significant first, with bit 0x40 of the first group carrying the sign.
pub fn encode_int(out: &mut Vec<u8>, mut num: i64) {
    let mut buf = [0u8; 11];
    let mut p = buf.len();
    loop {
        p -= 1;
        buf[p] = (num & 0x7f) as u8;
        num >>= 7;
        if num == 0 || num == -1 {
            break;
        }
    }
    if num == -1 && (buf[p] & 0x40) == 0 {
        p -= 1;
        buf[p] = 0x7f;
    } else if num == 0 && (buf[p] & 0x40) != 0 {
        p -= 1;
        buf[p] = 0;
    }
    let last = buf.len() - 1;
    for (i, b) in buf.iter().enumerate().skip(p) {
        out.push(if i < last { b | 0x80 } else { *b });
    }
}

/// The values `MP_BC_PRELUDE_SIG_ENCODE` packs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Signature {
    pub n_state: u32,
    pub n_exc_stack: u32,
    pub scope_flags: u32,
    pub n_pos_args: u32,
    pub n_kwonly_args: u32,
    pub n_def_pos_args: u32,
}

/// Only the low four scope flags are part of the signature (`MP_SCOPE_FLAG_ALL_SIG`).
const SCOPE_FLAG_ALL_SIG: u32 = 0x0f;

/// `MP_BC_PRELUDE_SIG_ENCODE`.
pub fn encode_signature(out: &mut Vec<u8>, sig: Signature) {
    let mut s = sig.n_state.saturating_sub(1);
    let mut e = sig.n_exc_stack;
    let mut f = sig.scope_flags & SCOPE_FLAG_ALL_SIG;
    let mut a = sig.n_pos_args;
    let mut k = sig.n_kwonly_args;
    let mut d = sig.n_def_pos_args;
    let mut z = ((s & 0xf) << 3 | (e & 1) << 2 | (a & 3)) as u8;
    s >>= 4;
    e >>= 1;
    a >>= 2;
    while (s | e | f | a | k | d) != 0 {
        out.push(0x80 | z);
        z = ((f & 1) << 6 | (s & 3) << 4 | (k & 1) << 3 | (a & 1) << 2 | (e & 1) << 1 | (d & 1)) as u8;
        s >>= 2;
        e >>= 1;
        f >>= 1;
        a >>= 1;
        k >>= 1;
        d >>= 1;
    }
    out.push(z);
}

/// `MP_BC_PRELUDE_SIZE_ENCODE`.
pub fn encode_size(out: &mut Vec<u8>, mut n_info: u32, mut n_cell: u32) {
    loop {
        let mut z = (((n_info & 0x3f) << 1) | (n_cell & 1)) as u8;
        n_cell >>= 1;
        n_info >>= 6;
        if (n_cell | n_info) != 0 {
            z |= 0x80;
        }
        out.push(z);
        if (n_cell | n_info) == 0 {
            break;
        }
    }
}

/// `emit_write_code_info_bytes_lines`: one line-table step of `bytes_to_skip` bytecode bytes and
/// `lines_to_skip` source lines, split into as many entries as needed.
pub fn encode_bytes_lines(out: &mut Vec<u8>, mut bytes_to_skip: u32, mut lines_to_skip: u32) {
    while bytes_to_skip > 0 || lines_to_skip > 0 {
        let (b, l);
        if lines_to_skip <= 6 || bytes_to_skip > 0xf {
            // 0b0LLBBBBB
            b = bytes_to_skip.min(0x1f);
            l = if b < bytes_to_skip { 0 } else { lines_to_skip.min(0x3) };
            out.push((b | (l << 5)) as u8);
        } else {
            // 0b1LLLBBBB 0bLLLLLLLL (low 8 bits of L in the second byte)
            b = bytes_to_skip.min(0xf);
            l = lines_to_skip.min(0x7ff);
            out.push((0x80 | b | ((l >> 4) & 0x70)) as u8);
            out.push((l & 0xff) as u8);
        }
        bytes_to_skip -= b;
        lines_to_skip -= l;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(n: i64) -> Vec<u8> {
        let mut v = Vec::new();
        encode_int(&mut v, n);
        v
    }

    #[test]
    fn small_int_encoding_matches_mpy_cross() {
        assert_eq!(int(48), [0x30]);
        assert_eq!(int(-17), [0x6f]);
        assert_eq!(int(64), [0x80, 0x40]);
        assert_eq!(int(-65), [0xff, 0x3f]);
        assert_eq!(int(8192), [0x80, 0xc0, 0x00]);
        assert_eq!(int((1 << 30) - 1), [0x83, 0xff, 0xff, 0xff, 0x7f]);
    }

    #[test]
    fn uint_encoding() {
        let mut v = Vec::new();
        encode_uint(&mut v, 247);
        assert_eq!(v, [0x81, 0x77]);
        v.clear();
        encode_uint(&mut v, 0);
        assert_eq!(v, [0]);
    }

    #[test]
    fn signature_example_from_the_fact_sheet() {
        // def f(a, b=2, *c, d, **e): n_state 15, flags 6
        let mut v = Vec::new();
        encode_signature(
            &mut v,
            Signature {
                n_state: 15,
                n_exc_stack: 0,
                scope_flags: 6,
                n_pos_args: 2,
                n_kwonly_args: 1,
                n_def_pos_args: 1,
            },
        );
        assert_eq!(v, [0xf2, 0x89, 0xc0, 0x40]);
    }

    #[test]
    fn line_steps() {
        let mut v = Vec::new();
        encode_bytes_lines(&mut v, 2, 10);
        assert_eq!(v, [0x82, 0x0a]);
        v.clear();
        encode_bytes_lines(&mut v, 8, 5);
        assert_eq!(v, [0x68, 0x40]);
    }
}
