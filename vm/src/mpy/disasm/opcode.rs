//! The bytecode instruction set of `py/bc0.h` (.mpy v6): names, argument formats, and decoding of one
//! instruction into an [`Insn`] without ever reading past the code or panicking.

/// How an instruction's argument is encoded (`MP_BC_FORMAT_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// No argument.
    Byte,
    /// A vuint index into the module's qstr table.
    Qstr,
    /// A vuint (signed for `LOAD_CONST_SMALL_INT`).
    VarUint,
    /// A 1- or 2-byte jump offset, relative to the end of the instruction.
    Offset,
}

/// `MP_BC_FORMAT(op)`: from the high nibble.
pub fn format(op: u8) -> Format {
    match (0x0000_03a4u32 >> (2 * u32::from(op >> 4))) & 3 {
        1 => Format::Qstr,
        2 => Format::VarUint,
        3 => Format::Offset,
        _ => Format::Byte,
    }
}

/// `(op & MP_BC_MASK_EXTRA_BYTE) == 0`: MAKE_CLOSURE(_DEFARGS) and UNWIND_JUMP carry one more raw byte.
pub fn has_extra_byte(op: u8) -> bool {
    op & 0x9e == 0
}

/// Jumps whose offset is stored signed, in excess 0x40 / 0x4000 (UNWIND_JUMP ..= POP_JUMP_IF_FALSE).
pub fn has_signed_offset(op: u8) -> bool {
    (0x40..=0x44).contains(&op)
}

pub const LOAD_CONST_SMALL_INT_MULTI: u8 = 0x70;
pub const LOAD_FAST_MULTI: u8 = 0xb0;
pub const STORE_FAST_MULTI: u8 = 0xc0;
pub const UNARY_OP_MULTI: u8 = 0xd0;
pub const BINARY_OP_MULTI: u8 = 0xd7;
/// Unary operators that may appear in bytecode (`MP_UNARY_OP_NUM_BYTECODE`).
pub const UNARY_OPS: [&str; 4] = ["+", "-", "~", "not"];
/// Binary operators in `mp_binary_op_t` order (`MP_BINARY_OP_NUM_BYTECODE` = 35).
pub const BINARY_OPS: [&str; 35] = [
    "<", ">", "==", "<=", ">=", "!=", "in", "is", "exception match", "|=", "^=", "&=", "<<=", ">>=", "+=", "-=", "*=",
    "@=", "//=", "/=", "%=", "**=", "|", "^", "&", "<<", ">>", "+", "-", "*", "@", "//", "/", "%", "**",
];

/// Every opcode (the five multi-opcode ranges by their base) with its mnemonic, in opcode order.
pub const ALL_OPCODES: &[(u8, &str)] = &[
    (0x10, "LOAD_CONST_STRING"),
    (0x11, "LOAD_NAME"),
    (0x12, "LOAD_GLOBAL"),
    (0x13, "LOAD_ATTR"),
    (0x14, "LOAD_METHOD"),
    (0x15, "LOAD_SUPER_METHOD"),
    (0x16, "STORE_NAME"),
    (0x17, "STORE_GLOBAL"),
    (0x18, "STORE_ATTR"),
    (0x19, "DELETE_NAME"),
    (0x1a, "DELETE_GLOBAL"),
    (0x1b, "IMPORT_NAME"),
    (0x1c, "IMPORT_FROM"),
    (0x20, "MAKE_CLOSURE"),
    (0x21, "MAKE_CLOSURE_DEFARGS"),
    (0x22, "LOAD_CONST_SMALL_INT"),
    (0x23, "LOAD_CONST_OBJ"),
    (0x24, "LOAD_FAST_N"),
    (0x25, "LOAD_DEREF"),
    (0x26, "STORE_FAST_N"),
    (0x27, "STORE_DEREF"),
    (0x28, "DELETE_FAST"),
    (0x29, "DELETE_DEREF"),
    (0x2a, "BUILD_TUPLE"),
    (0x2b, "BUILD_LIST"),
    (0x2c, "BUILD_MAP"),
    (0x2d, "BUILD_SET"),
    (0x2e, "BUILD_SLICE"),
    (0x2f, "STORE_COMP"),
    (0x30, "UNPACK_SEQUENCE"),
    (0x31, "UNPACK_EX"),
    (0x32, "MAKE_FUNCTION"),
    (0x33, "MAKE_FUNCTION_DEFARGS"),
    (0x34, "CALL_FUNCTION"),
    (0x35, "CALL_FUNCTION_VAR_KW"),
    (0x36, "CALL_METHOD"),
    (0x37, "CALL_METHOD_VAR_KW"),
    (0x40, "UNWIND_JUMP"),
    (0x42, "JUMP"),
    (0x43, "POP_JUMP_IF_TRUE"),
    (0x44, "POP_JUMP_IF_FALSE"),
    (0x45, "JUMP_IF_TRUE_OR_POP"),
    (0x46, "JUMP_IF_FALSE_OR_POP"),
    (0x47, "SETUP_WITH"),
    (0x48, "SETUP_EXCEPT"),
    (0x49, "SETUP_FINALLY"),
    (0x4a, "POP_EXCEPT_JUMP"),
    (0x4b, "FOR_ITER"),
    (0x50, "LOAD_CONST_FALSE"),
    (0x51, "LOAD_CONST_NONE"),
    (0x52, "LOAD_CONST_TRUE"),
    (0x53, "LOAD_NULL"),
    (0x54, "LOAD_BUILD_CLASS"),
    (0x55, "LOAD_SUBSCR"),
    (0x56, "STORE_SUBSCR"),
    (0x57, "DUP_TOP"),
    (0x58, "DUP_TOP_TWO"),
    (0x59, "POP_TOP"),
    (0x5a, "ROT_TWO"),
    (0x5b, "ROT_THREE"),
    (0x5c, "WITH_CLEANUP"),
    (0x5d, "END_FINALLY"),
    (0x5e, "GET_ITER"),
    (0x5f, "GET_ITER_STACK"),
    (0x62, "STORE_MAP"),
    (0x63, "RETURN_VALUE"),
    (0x64, "RAISE_LAST"),
    (0x65, "RAISE_OBJ"),
    (0x66, "RAISE_FROM"),
    (0x67, "YIELD_VALUE"),
    (0x68, "YIELD_FROM"),
    (0x69, "IMPORT_STAR"),
    (LOAD_CONST_SMALL_INT_MULTI, "LOAD_CONST_SMALL_INT_MULTI"),
    (LOAD_FAST_MULTI, "LOAD_FAST_MULTI"),
    (STORE_FAST_MULTI, "STORE_FAST_MULTI"),
    (UNARY_OP_MULTI, "UNARY_OP_MULTI"),
    (BINARY_OP_MULTI, "BINARY_OP_MULTI"),
];

/// The base opcode (first of its multi range) and mnemonic of `op`, or `None` for an unassigned byte.
pub fn base_and_name(op: u8) -> Option<(u8, &'static str)> {
    let base = match op {
        0x70..=0xaf => LOAD_CONST_SMALL_INT_MULTI,
        0xb0..=0xbf => LOAD_FAST_MULTI,
        0xc0..=0xcf => STORE_FAST_MULTI,
        0xd0..=0xd3 => UNARY_OP_MULTI,
        0xd7..=0xf9 => BINARY_OP_MULTI,
        _ => op,
    };
    let i = ALL_OPCODES.binary_search_by_key(&base, |(b, _)| *b).ok()?;
    Some(ALL_OPCODES[i])
}

/// A decoded argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    None,
    /// Index into the module's qstr table.
    Qstr(u64),
    /// A plain unsigned argument (local number, item count, ...).
    Uint(u64),
    /// `LOAD_CONST_SMALL_INT` and the small-int multi opcodes.
    SmallInt(i64),
    /// Index into the module's object table.
    Obj(u64),
    /// Index into this raw code's children (MAKE_FUNCTION*).
    Child(u64),
    /// MAKE_CLOSURE*: child index and number of closed-over values (the extra byte).
    Closure { child: u64, n_closed: u8 },
    /// Jump target as an offset from the first opcode (may be out of range in malformed code).
    Jump { target: i64 },
    /// UNWIND_JUMP: target, unwind depth and whether it breaks out of a `for` loop (bit 7 of the extra byte).
    UnwindJump { target: i64, depth: u8, from_for: bool },
    /// CALL_*: `n_pos | n_kw << 8`.
    Call { n_pos: u64, n_kw: u64 },
    /// UNPACK_EX: `n_left | n_right << 8`.
    UnpackEx { n_left: u64, n_right: u64 },
    /// STORE_COMP: stack index of the collection and its kind (0 list, 1 dict, 2 set).
    StoreComp { stack_idx: u64, kind: u64 },
    /// LOAD_FAST/STORE_FAST multi: the local number.
    Local(u8),
    /// UNARY_OP/BINARY_OP multi: the operator's symbol.
    Op(&'static str),
}

/// One decoded instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Insn {
    /// Offset from the first opcode of the function.
    pub offset: usize,
    /// Encoded length in bytes.
    pub len: usize,
    pub opcode: u8,
    /// The first opcode of the multi range `opcode` belongs to (or `opcode` itself).
    pub base: u8,
    pub mnemonic: &'static str,
    pub arg: Arg,
}

/// Why an instruction could not be decoded: the offset of the offending byte and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadByte {
    pub offset: usize,
    pub message: String,
}

fn byte_at(code: &[u8], i: usize) -> Result<u8, BadByte> {
    code.get(i).copied().ok_or(BadByte { offset: i, message: "instruction runs past the end of the code".into() })
}

/// Decodes the instruction at `code[pos]` (`code` is the opcode area of one function).
pub fn decode(code: &[u8], pos: usize) -> Result<Insn, BadByte> {
    let op = byte_at(code, pos)?;
    let Some((base, mnemonic)) = base_and_name(op) else {
        return Err(BadByte { offset: pos, message: format!("unknown opcode {op:#04x}") });
    };
    let mut i = pos + 1;
    let mut uint = |signed: bool| -> Result<u64, BadByte> {
        let first = byte_at(code, i)?;
        let mut v: u64 = u64::from(first & 0x7f);
        if signed && first & 0x40 != 0 {
            v |= u64::MAX << 7;
        }
        let mut b = first;
        let mut n = 1;
        while b & 0x80 != 0 {
            i += 1;
            b = byte_at(code, i)?;
            n += 1;
            if n > 10 {
                return Err(BadByte { offset: i, message: "variable-length argument too long".into() });
            }
            v = (v << 7) | u64::from(b & 0x7f);
        }
        i += 1;
        Ok(v)
    };
    let arg = match format(op) {
        Format::Byte => match base {
            LOAD_CONST_SMALL_INT_MULTI => Arg::SmallInt(i64::from(op) - 0x80),
            LOAD_FAST_MULTI | STORE_FAST_MULTI => Arg::Local(op - base),
            UNARY_OP_MULTI => Arg::Op(UNARY_OPS[usize::from(op - base)]),
            BINARY_OP_MULTI => Arg::Op(BINARY_OPS[usize::from(op - base)]),
            _ => Arg::None,
        },
        Format::Qstr => Arg::Qstr(uint(false)?),
        Format::VarUint => {
            let v = uint(op == 0x22)?;
            match op {
                0x22 => Arg::SmallInt(v as i64),
                0x23 => Arg::Obj(v),
                0x20 | 0x21 => {
                    let n_closed = byte_at(code, i)?;
                    i += 1;
                    Arg::Closure { child: v, n_closed }
                }
                0x32 | 0x33 => Arg::Child(v),
                0x34..=0x37 => Arg::Call { n_pos: v & 0xff, n_kw: (v >> 8) & 0xff },
                0x31 => Arg::UnpackEx { n_left: v & 0xff, n_right: (v >> 8) & 0xff },
                0x2f => Arg::StoreComp { stack_idx: v >> 2, kind: v & 3 },
                _ => Arg::Uint(v),
            }
        }
        Format::Offset => {
            let b0 = byte_at(code, i)?;
            let mut off: i64;
            if b0 & 0x80 == 0 {
                off = i64::from(b0);
                i += 1;
                if has_signed_offset(op) {
                    off -= 0x40;
                }
            } else {
                let b1 = byte_at(code, i + 1)?;
                off = i64::from(b0 & 0x7f) | i64::from(b1) << 7;
                i += 2;
                if has_signed_offset(op) {
                    off -= 0x4000;
                }
            }
            if op == 0x40 {
                let extra = byte_at(code, i)?;
                i += 1;
                Arg::UnwindJump { target: i as i64 + off, depth: extra & 0x7f, from_for: extra & 0x80 != 0 }
            } else {
                Arg::Jump { target: i as i64 + off }
            }
        }
    };
    Ok(Insn { offset: pos, len: i - pos, opcode: op, base, mnemonic, arg })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_formats_agree() {
        assert!(ALL_OPCODES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(format(0x10), Format::Qstr);
        assert_eq!(format(0x37), Format::VarUint);
        assert_eq!(format(0x4b), Format::Offset);
        assert_eq!(format(0x63), Format::Byte);
        assert!(has_extra_byte(0x20) && has_extra_byte(0x21) && has_extra_byte(0x40));
        assert!(!has_extra_byte(0x42) && !has_extra_byte(0x22));
    }

    #[test]
    fn small_int_encodings() {
        // Examples from the fact sheet.
        for (bytes, v) in [
            (&[0x22, 0x30][..], 48),
            (&[0x22, 0x6f], -17),
            (&[0x22, 0x80, 0x40], 64),
            (&[0x22, 0xff, 0x3f], -65),
            (&[0x22, 0x80, 0xc0, 0x00], 8192),
            (&[0x22, 0x83, 0xff, 0xff, 0xff, 0x7f], (1 << 30) - 1),
        ] {
            let insn = decode(bytes, 0).unwrap();
            assert_eq!(insn.arg, Arg::SmallInt(v));
            assert_eq!(insn.len, bytes.len());
        }
        assert_eq!(decode(&[0x83], 0).unwrap().arg, Arg::SmallInt(3));
        assert_eq!(decode(&[0x70], 0).unwrap().arg, Arg::SmallInt(-16));
    }

    #[test]
    fn jumps() {
        // JUMP +0 at offset 0: 0x42 0x40.
        assert_eq!(decode(&[0x42, 0x40], 0).unwrap().arg, Arg::Jump { target: 2 });
        assert_eq!(decode(&[0x42, 0x00], 0).unwrap().arg, Arg::Jump { target: 2 - 64 });
        assert_eq!(decode(&[0x4b, 0x85, 0x01], 0).unwrap().arg, Arg::Jump { target: 3 + 133 });
        let u = decode(&[0x40, 0x41, 0x82], 0).unwrap();
        assert_eq!(u.arg, Arg::UnwindJump { target: 4, depth: 2, from_for: true });
        assert_eq!(u.len, 3);
    }

    #[test]
    fn malformed() {
        assert_eq!(decode(&[0x00], 0).unwrap_err().message, "unknown opcode 0x00");
        assert_eq!(decode(&[0xfa], 0).unwrap_err().offset, 0);
        assert_eq!(decode(&[0x11], 0).unwrap_err().offset, 1);
        assert_eq!(decode(&[0x11, 0x80], 0).unwrap_err().offset, 2);
        assert_eq!(decode(&[0x20, 0x01], 0).unwrap_err().offset, 2);
        assert!(decode(&[0x34, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00], 0).is_err());
        assert!(decode(&[], 0).is_err());
    }
}
