//! Python-style text of constants for the disassembly: `'str'`, `b'bytes'`, numbers, tuples.

use crate::float;
use crate::mpy::ConstObj;

/// `repr` of a str, single-quoted like CPython's default.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => match crate::mpy::text::escaped_byte(c) {
                // A byte of the source that is not UTF-8.
                Some(b) => out.push_str(&format!("\\x{b:02x}")),
                None => out.push(c),
            },
        }
    }
    out.push(quote);
    out
}

/// `repr` of bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// The text of one constant object.
pub fn obj_repr(o: &ConstObj) -> String {
    match o {
        ConstObj::FunTable => "<mp_fun_table>".into(),
        ConstObj::None => "None".into(),
        ConstObj::False => "False".into(),
        ConstObj::True => "True".into(),
        ConstObj::Ellipsis => "Ellipsis".into(),
        ConstObj::Str(s) => str_repr(s),
        ConstObj::Bytes(b) => bytes_repr(b),
        ConstObj::Int(i) => i.to_string(),
        ConstObj::Float(f) => float::repr(*f),
        ConstObj::Complex { real, imag } => float::complex_repr(*real, *imag),
        ConstObj::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(obj_repr).collect();
            if items.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
    }
}

/// The kind name of a constant object, as shown in the object table.
pub fn obj_kind(o: &ConstObj) -> &'static str {
    match o {
        ConstObj::FunTable => "fun_table",
        ConstObj::None | ConstObj::False | ConstObj::True | ConstObj::Ellipsis => "const",
        ConstObj::Str(_) => "str",
        ConstObj::Bytes(_) => "bytes",
        ConstObj::Int(_) => "int",
        ConstObj::Float(_) => "float",
        ConstObj::Complex { .. } => "complex",
        ConstObj::Tuple(_) => "tuple",
    }
}
