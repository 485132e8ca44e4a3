//! Serialises an [`MpyModule`](super::MpyModule) to `.mpy` bytes exactly as mpy-cross writes them
//! (`mp_raw_code_save` in `py/persistentcode.c`).
//!
//! Layout: header (`'M'`, version 6, feature byte, small-int bits, optional arch-flags vuint), `n_qstr`,
//! `n_obj`, the qstr entries, the object entries, then the module's raw-code record with its children.

use super::vuint::encode as put_uint;
use super::{ConstObj, Header, MpyModule, RawCode, RawCodeKind, MPY_VERSION};
use crate::float;
use crate::qstr;

/// Object type bytes (`MP_PERSISTENT_OBJ_*`).
pub mod obj_type {
    pub const FUN_TABLE: u8 = 0;
    pub const NONE: u8 = 1;
    pub const FALSE: u8 = 2;
    pub const TRUE: u8 = 3;
    pub const ELLIPSIS: u8 = 4;
    pub const STR: u8 = 5;
    pub const BYTES: u8 = 6;
    pub const INT: u8 = 7;
    pub const FLOAT: u8 = 8;
    pub const COMPLEX: u8 = 9;
    pub const TUPLE: u8 = 10;
}

/// The feature byte (header byte 2): arch and sub-version (the compiler's headers have sub-version
/// `MPY_SUB_VERSION` exactly when an arch is present; a header read from a file keeps its own, so a file
/// reads back as it was), bit 6 when arch flags follow. mpy-cross sets bit 6 whenever flags were given, even
/// for a bytecode-only file.
pub fn feature_byte(h: &Header) -> u8 {
    let mut b = match h.arch {
        Some(a) => ((a as u8) << 2) | (h.sub_version & 3),
        None => h.sub_version & 3,
    };
    if h.arch_flags != 0 {
        b |= 0x40;
    }
    b
}

/// Writes the whole file.
pub fn write(m: &MpyModule) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    write_header(&m.header, &mut out);
    put_uint(m.qstrs.len() as u64, &mut out);
    put_uint(m.objs.len() as u64, &mut out);
    for q in &m.qstrs {
        write_qstr(q, &mut out);
    }
    for o in &m.objs {
        write_obj(o, &mut out);
    }
    write_raw_code(&m.root, &mut out);
    out
}

fn write_header(h: &Header, out: &mut Vec<u8>) {
    out.extend_from_slice(&[b'M', MPY_VERSION, feature_byte(h), h.small_int_bits]);
    if h.arch_flags != 0 {
        put_uint(u64::from(h.arch_flags), out);
    }
}

/// One qstr-table entry: static form (`n << 1 | 1`) for the 165 static qstrs, else length, bytes and NUL.
pub fn write_qstr(s: &str, out: &mut Vec<u8>) {
    if let Some(n) = qstr::static_index(s) {
        put_uint(u64::from(n) << 1 | 1, out);
    } else {
        let bytes = super::text::to_bytes(s);
        put_uint((bytes.len() as u64) << 1, out);
        out.extend_from_slice(&bytes);
        out.push(0);
    }
}

/// One object-table entry (recursive for tuples).
pub fn write_obj(o: &ConstObj, out: &mut Vec<u8>) {
    use obj_type as t;
    match o {
        ConstObj::FunTable => out.push(t::FUN_TABLE),
        ConstObj::None => out.push(t::NONE),
        ConstObj::False => out.push(t::FALSE),
        ConstObj::True => out.push(t::TRUE),
        ConstObj::Ellipsis => out.push(t::ELLIPSIS),
        ConstObj::Str(s) => write_data(t::STR, &super::text::to_bytes(s), true, out),
        ConstObj::Bytes(b) => write_data(t::BYTES, b, true, out),
        ConstObj::Int(i) => write_data(t::INT, i.to_string().as_bytes(), false, out),
        ConstObj::Float(f) => write_data(t::FLOAT, float::repr(*f).as_bytes(), false, out),
        ConstObj::Complex { real, imag } => {
            write_data(t::COMPLEX, float::complex_repr(*real, *imag).as_bytes(), false, out)
        }
        ConstObj::Tuple(items) => {
            out.push(t::TUPLE);
            put_uint(items.len() as u64, out);
            for item in items {
                write_obj(item, out);
            }
        }
    }
}

fn write_data(ty: u8, data: &[u8], nul: bool, out: &mut Vec<u8>) {
    out.push(ty);
    put_uint(data.len() as u64, out);
    out.extend_from_slice(data);
    if nul {
        out.push(0);
    }
}

/// One raw-code record and, recursively, its children.
pub fn write_raw_code(rc: &RawCode, out: &mut Vec<u8>) {
    let has_children = u64::from(!rc.children.is_empty());
    put_uint((rc.fun_data.len() as u64) << 3 | has_children << 2 | rc.kind as u64, out);
    out.extend_from_slice(&rc.fun_data);
    match rc.kind {
        RawCodeKind::Bytecode => {}
        RawCodeKind::Native => put_uint(u64::from(rc.prelude_offset), out),
        RawCodeKind::Viper => put_uint(u64::from(rc.scope_flags), out),
        RawCodeKind::Asm => {
            put_uint(u64::from(rc.scope_flags), out);
            put_uint(u64::from(rc.n_pos_args), out);
            put_uint(u64::from(rc.type_sig), out);
        }
    }
    if !rc.children.is_empty() {
        put_uint(rc.children.len() as u64, out);
        for child in &rc.children {
            write_raw_code(child, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mpy::Arch;

    fn header() -> Header {
        Header { arch: None, arch_flags: 0, small_int_bits: 31, sub_version: 0 }
    }

    /// The 43-byte `t1.py` walk-through from the fact sheet (mpy-cross 1.29 output).
    #[test]
    fn fact_sheet_t1() {
        let fun = vec![
            0x10, 0x04, 0x01, 0x23, 0x83, 0x16, 0x03, 0x11, 0x04, 0x10, 0x02, 0x11, 0x03, 0x34, 0x02, 0x59, 0x51,
            0x63,
        ];
        let m = MpyModule {
            header: header(),
            qstrs: ["t1.py", "<module>", "hi", "x", "print"].iter().map(|s| s.to_string()).collect(),
            objs: vec![],
            root: RawCode::bytecode(fun, vec![]),
        };
        let want: &[u8] = &[
            0x4d, 0x06, 0x00, 0x1f, 0x05, 0x00, 0x0a, 0x74, 0x31, 0x2e, 0x70, 0x79, 0x00, 0x0f, 0x04, 0x68, 0x69,
            0x00, 0x02, 0x78, 0x00, 0x81, 0x77, 0x81, 0x10, 0x10, 0x04, 0x01, 0x23, 0x83, 0x16, 0x03, 0x11, 0x04,
            0x10, 0x02, 0x11, 0x03, 0x34, 0x02, 0x59, 0x51, 0x63,
        ];
        assert_eq!(write(&m), want);
    }

    #[test]
    fn feature_bytes() {
        let mut h = header();
        assert_eq!(feature_byte(&h), 0x00);
        for (arch, byte) in [(Arch::X64, 0x0b), (Arch::Armv7emdp, 0x23), (Arch::Debug, 0x37), (Arch::Rv32imc, 0x2f)] {
            h.arch = Some(arch);
            h.sub_version = crate::mpy::MPY_SUB_VERSION;
            assert_eq!(feature_byte(&h), byte);
        }
        h.arch_flags = 1;
        assert_eq!(feature_byte(&h), 0x6f);
        h.arch = None;
        h.sub_version = 0;
        assert_eq!(feature_byte(&h), 0x40);
    }

    /// A header read from a file keeps its sub-version when written (found by the `mpy_read` fuzz target:
    /// an arch with sub-version 0 was written back as sub-version 3).
    #[test]
    fn read_header_writes_back_as_read() {
        for feature in [0x2c, 0x2f, 0x01, 0x00, 0x4b] {
            let mut bytes = vec![b'M', 6, feature, 31];
            if feature & 0x40 != 0 {
                bytes.push(1);
            }
            let h = crate::mpy::reader::read_header(&bytes).expect("a valid header");
            assert_eq!(feature_byte(&h), feature);
        }
    }

    #[test]
    fn objects() {
        let mut out = Vec::new();
        write_obj(&ConstObj::Tuple(vec![ConstObj::Int(63.into())]), &mut out);
        assert_eq!(out, [0x0a, 0x01, 0x07, 0x02, 0x36, 0x33]);
        out.clear();
        write_obj(&ConstObj::Bytes(vec![]), &mut out);
        assert_eq!(out, [0x06, 0x00, 0x00]);
        out.clear();
        write_obj(&ConstObj::Float(1.5), &mut out);
        assert_eq!(out, [0x08, 0x03, b'1', b'.', b'5']);
        out.clear();
        write_obj(&ConstObj::Complex { real: 0.0, imag: 1.5 }, &mut out);
        assert_eq!(out, [0x09, 0x04, b'1', b'.', b'5', b'j']);
    }
}
