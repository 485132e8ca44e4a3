//! Parses `.mpy` bytes back into an [`MpyModule`](super::MpyModule), with errors that name the byte offset.
//!
//! The reader is strict (trailing bytes, unknown object types, bad UTF-8, out-of-range static qstrs are all
//! errors) but never panics, and never allocates more than the remaining input can justify: every count is
//! checked against the bytes left before anything is reserved. Nesting (tuples, child raw codes) is bounded by
//! [`MAX_DEPTH`].
//!
//! Two things mpy-cross never writes are reported as errors rather than modelled: the relocation, rodata and
//! BSS data of viper functions made by `tools/mpy_ld.py` (natmods).

use num_bigint::BigInt;

use super::vuint::{self, VuintError};
use super::{Arch, ConstObj, Header, MpyModule, RawCode, RawCodeKind, MPY_VERSION};
use crate::float;
use crate::qstr;

/// Deepest nesting of tuples in tuples, or of raw codes in raw codes, that the reader accepts.
pub const MAX_DEPTH: usize = 512;

/// Viper scope flags that announce natmod data after the raw code (`MP_SCOPE_FLAG_VIPER*`).
const VIPER_NATMOD_FLAGS: u64 = 0x10 | 0x20 | 0x40;

/// A malformed or unsupported `.mpy` file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message} at byte {offset:#x}")]
pub struct ReadError {
    pub offset: usize,
    pub message: String,
}

/// Reads a whole `.mpy` file.
pub fn read(bytes: &[u8]) -> Result<MpyModule, ReadError> {
    let mut r = Reader { b: bytes, pos: 0 };
    let header = r.header()?;
    let n_qstr = r.count("qstr count")?;
    let n_obj = r.count("object count")?;
    let mut qstrs = Vec::with_capacity(n_qstr);
    for _ in 0..n_qstr {
        qstrs.push(r.qstr()?);
    }
    let mut objs = Vec::with_capacity(n_obj);
    for _ in 0..n_obj {
        objs.push(r.obj(0)?);
    }
    let root = r.raw_code(0)?;
    if r.pos != bytes.len() {
        return Err(r.err_at(r.pos, format!("{} trailing bytes after the module's raw code", bytes.len() - r.pos)));
    }
    Ok(MpyModule { header, qstrs, objs, root })
}

/// Reads only the header (useful to inspect a file a full read rejects).
pub fn read_header(bytes: &[u8]) -> Result<Header, ReadError> {
    Reader { b: bytes, pos: 0 }.header()
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn err_at(&self, offset: usize, message: impl Into<String>) -> ReadError {
        ReadError { offset, message: message.into() }
    }

    fn remaining(&self) -> usize {
        self.b.len() - self.pos
    }

    fn byte(&mut self, what: &str) -> Result<u8, ReadError> {
        match self.b.get(self.pos) {
            Some(&v) => {
                self.pos += 1;
                Ok(v)
            }
            None => Err(self.err_at(self.pos, format!("unexpected end of file reading {what}"))),
        }
    }

    fn uint(&mut self, what: &str) -> Result<u64, ReadError> {
        let start = self.pos;
        vuint::decode(self.b, &mut self.pos).map_err(|e| match e {
            VuintError::Truncated => self.err_at(start, format!("unexpected end of file reading {what}")),
            VuintError::Overflow => self.err_at(start, format!("{what} does not fit in 64 bits")),
        })
    }

    fn uint32(&mut self, what: &str) -> Result<u32, ReadError> {
        let start = self.pos;
        let v = self.uint(what)?;
        u32::try_from(v).map_err(|_| self.err_at(start, format!("{what} {v} is too large")))
    }

    /// A count of items each taking at least one byte: bounded by the remaining input.
    fn count(&mut self, what: &str) -> Result<usize, ReadError> {
        let start = self.pos;
        let v = self.uint(what)?;
        match usize::try_from(v) {
            Ok(n) if n <= self.remaining() => Ok(n),
            _ => Err(self.err_at(start, format!("{what} {v} exceeds the {} bytes left", self.remaining()))),
        }
    }

    /// A length of raw bytes: bounded by the remaining input.
    fn bytes(&mut self, len: u64, what: &str, len_at: usize) -> Result<&'a [u8], ReadError> {
        match usize::try_from(len) {
            Ok(n) if n <= self.remaining() => {
                let s = &self.b[self.pos..self.pos + n];
                self.pos += n;
                Ok(s)
            }
            _ => Err(self.err_at(len_at, format!("{what} length {len} runs past the end of the file"))),
        }
    }

    fn header(&mut self) -> Result<Header, ReadError> {
        let magic = self.byte("the header")?;
        if magic != b'M' {
            return Err(self.err_at(0, format!("bad magic byte {magic:#04x} (expected 0x4d 'M')")));
        }
        let version = self.byte("the header")?;
        if version != MPY_VERSION {
            return Err(self.err_at(1, format!("unsupported .mpy version {version} (expected {MPY_VERSION})")));
        }
        let feature = self.byte("the header")?;
        if feature & 0x80 != 0 {
            return Err(self.err_at(2, format!("reserved bit 7 set in feature byte {feature:#04x}")));
        }
        let arch_code = (feature >> 2) & 0x0f;
        let arch = match arch_code {
            0 => None,
            c => Some(
                Arch::from_code(c).ok_or_else(|| self.err_at(2, format!("unknown native architecture code {c}")))?,
            ),
        };
        let small_int_bits = self.byte("the header")?;
        let arch_flags = if feature & 0x40 != 0 { self.uint32("arch flags")? } else { 0 };
        Ok(Header { arch, arch_flags, small_int_bits, sub_version: feature & 3 })
    }

    /// Text of a qstr or str object: any bytes (mpy-cross writes what the source held), kept losslessly.
    fn utf8(&self, data: &'a [u8], _at: usize, _what: &str) -> Result<String, ReadError> {
        Ok(super::text::from_bytes(data).into_owned())
    }

    fn nul(&mut self, what: &str) -> Result<(), ReadError> {
        let at = self.pos;
        match self.byte(what)? {
            0 => Ok(()),
            b => Err(self.err_at(at, format!("{what} not NUL-terminated (found {b:#04x})"))),
        }
    }

    fn qstr(&mut self) -> Result<String, ReadError> {
        let start = self.pos;
        let l = self.uint("a qstr entry")?;
        if l & 1 == 1 {
            let n = l >> 1;
            return qstr::static_str(n)
                .map(str::to_string)
                .ok_or_else(|| self.err_at(start, format!("static qstr number {n} out of range 1..={}", qstr::N_STATIC)));
        }
        let data_at = self.pos;
        let data = self.bytes(l >> 1, "qstr", start)?;
        let s = self.utf8(data, data_at, "qstr")?;
        self.nul("qstr")?;
        Ok(s)
    }

    fn obj(&mut self, depth: usize) -> Result<ConstObj, ReadError> {
        let start = self.pos;
        let ty = self.byte("an object entry")?;
        Ok(match ty {
            0 => ConstObj::FunTable,
            1 => ConstObj::None,
            2 => ConstObj::False,
            3 => ConstObj::True,
            4 => ConstObj::Ellipsis,
            5 | 6 => {
                let len_at = self.pos;
                let len = self.uint("object length")?;
                let data_at = self.pos;
                let data = self.bytes(len, "object", len_at)?;
                let o = if ty == 5 {
                    ConstObj::Str(self.utf8(data, data_at, "str object")?)
                } else {
                    ConstObj::Bytes(data.to_vec())
                };
                self.nul(if ty == 5 { "str object" } else { "bytes object" })?;
                o
            }
            7..=9 => {
                let len_at = self.pos;
                let len = self.uint("object length")?;
                let data_at = self.pos;
                let data = self.bytes(len, "object", len_at)?;
                let text = std::str::from_utf8(data).unwrap_or("");
                let bad = |kind: &str| self.err_at(data_at, format!("invalid {kind} text {:?}", String::from_utf8_lossy(data)));
                match ty {
                    7 => ConstObj::Int(parse_int(text).ok_or_else(|| bad("int"))?),
                    8 => ConstObj::Float(parse_float(text).ok_or_else(|| bad("float"))?),
                    _ => {
                        let (real, imag) = parse_complex(text).ok_or_else(|| bad("complex"))?;
                        ConstObj::Complex { real, imag }
                    }
                }
            }
            10 => {
                if depth >= MAX_DEPTH {
                    return Err(self.err_at(start, format!("tuples nested deeper than {MAX_DEPTH}")));
                }
                let n = self.count("tuple length")?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.obj(depth + 1)?);
                }
                ConstObj::Tuple(items)
            }
            t => return Err(self.err_at(start, format!("unknown object type {t}"))),
        })
    }

    fn raw_code(&mut self, depth: usize) -> Result<RawCode, ReadError> {
        let start = self.pos;
        if depth > MAX_DEPTH {
            return Err(self.err_at(start, format!("raw code nested deeper than {MAX_DEPTH}")));
        }
        let kind_len = self.uint("a raw code header")?;
        let kind = match kind_len & 3 {
            0 => RawCodeKind::Bytecode,
            1 => RawCodeKind::Native,
            2 => RawCodeKind::Viper,
            _ => RawCodeKind::Asm,
        };
        let has_children = kind_len & 4 != 0;
        let fun_data = self.bytes(kind_len >> 3, "function data", start)?.to_vec();
        let mut rc = RawCode::bytecode(fun_data, Vec::new());
        rc.kind = kind;
        match kind {
            RawCodeKind::Bytecode => {}
            RawCodeKind::Native => {
                let at = self.pos;
                rc.prelude_offset = self.uint32("prelude offset")?;
                if rc.prelude_offset as usize > rc.fun_data.len() {
                    return Err(self.err_at(
                        at,
                        format!("prelude offset {} past the end of {} bytes of code", rc.prelude_offset, rc.fun_data.len()),
                    ));
                }
            }
            RawCodeKind::Viper | RawCodeKind::Asm => {
                let at = self.pos;
                rc.scope_flags = self.uint32("scope flags")?;
                if kind == RawCodeKind::Viper && u64::from(rc.scope_flags) & VIPER_NATMOD_FLAGS != 0 {
                    return Err(self.err_at(
                        at,
                        format!(
                            "viper scope flags {:#x} announce natmod relocation/rodata/BSS data, which is not supported",
                            rc.scope_flags
                        ),
                    ));
                }
                if kind == RawCodeKind::Asm {
                    rc.n_pos_args = self.uint32("asm argument count")?;
                    rc.type_sig = self.uint32("asm type signature")?;
                }
            }
        }
        if has_children {
            let n = self.count("child count")?;
            let mut children = Vec::with_capacity(n);
            for _ in 0..n {
                children.push(self.raw_code(depth + 1)?);
            }
            rc.children = children;
        }
        Ok(rc)
    }
}

/// Decimal integer text as mpy-cross writes it (optional `-`, digits).
fn parse_int(text: &str) -> Option<BigInt> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A signed float as MicroPython's parser reads it at the start of `s`: value and bytes consumed.
fn parse_signed_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let (neg, body_at) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let body = &s[body_at..];
    let lower = |n: usize| body.get(..n).map(|p| p.to_ascii_lowercase());
    let (v, n) = if lower(8).as_deref() == Some(b"infinity") {
        (f64::INFINITY, 8)
    } else if lower(3).as_deref() == Some(b"inf") {
        (f64::INFINITY, 3)
    } else if lower(3).as_deref() == Some(b"nan") {
        (f64::NAN, 3)
    } else {
        let (v, n) = float::parse_unsigned_decimal(body)?;
        if !body[..n].iter().any(u8::is_ascii_digit) {
            return None;
        }
        (v, n)
    };
    Some((if neg { -v } else { v }, body_at + n))
}

fn parse_float(text: &str) -> Option<f64> {
    let (v, n) = parse_signed_prefix(text.as_bytes())?;
    (n == text.len()).then_some(v)
}

/// `1.5j`, `-2j`, `(1+2j)`, `(1-2.5e-05j)`, `(nan+infj)`.
fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let b = text.as_bytes();
    if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix("j)")) {
        let ib = inner.as_bytes();
        let (real, n) = parse_signed_prefix(ib)?;
        if !matches!(ib.get(n), Some(b'+' | b'-')) {
            return None;
        }
        let (imag, m) = parse_signed_prefix(&ib[n..])?;
        return (n + m == ib.len()).then_some((real, imag));
    }
    let (imag, n) = parse_signed_prefix(b)?;
    (n + 1 == b.len() && b[n] == b'j').then_some((0.0, imag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_texts() {
        assert_eq!(parse_int("-123"), Some(BigInt::from(-123)));
        assert_eq!(parse_int("12a"), None);
        assert_eq!(parse_int("-"), None);
        assert_eq!(parse_float("-0.0").map(f64::to_bits), Some((-0.0f64).to_bits()));
        assert_eq!(parse_float("inf"), Some(f64::INFINITY));
        assert_eq!(parse_float("-inf"), Some(f64::NEG_INFINITY));
        assert!(parse_float("nan").is_some_and(f64::is_nan));
        assert_eq!(parse_float("1e+100"), Some(1e100));
        assert_eq!(parse_float("."), None);
        assert_eq!(parse_float(""), None);
        assert_eq!(parse_float("1.5x"), None);
        assert_eq!(parse_complex("1.5j"), Some((0.0, 1.5)));
        assert_eq!(parse_complex("infj"), Some((0.0, f64::INFINITY)));
        assert_eq!(parse_complex("(1+2j)"), Some((1.0, 2.0)));
        assert_eq!(parse_complex("(1e-05-2.5j)"), Some((1e-5, -2.5)));
        assert_eq!(parse_complex("1.5"), None);
        assert_eq!(parse_complex("(1j)"), None);
    }
}
