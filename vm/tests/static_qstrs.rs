//! Checks the embedded static qstr list (`mpy_vm::qstr`) against mpy-cross: every static qstr must be written in
//! static form with exactly our number, and look-alikes must be written in long form.

mod common;

use mpy_vm::mpy::vuint;
use mpy_vm::mpy::writer::write_qstr;
use mpy_vm::qstr::{static_str, STATIC_QSTRS};

/// Walks the qstr table of a bytecode-only `.mpy`: (decoded text, raw entry bytes) per entry.
fn qstr_table(b: &[u8]) -> Vec<(String, Vec<u8>)> {
    assert_eq!(&b[..4], &[b'M', 6, 0, 31]);
    let mut p = 4;
    let n_qstr = vuint::decode(b, &mut p).unwrap();
    let _n_obj = vuint::decode(b, &mut p).unwrap();
    let mut out = Vec::new();
    for _ in 0..n_qstr {
        let start = p;
        let l = vuint::decode(b, &mut p).unwrap();
        let text = if l & 1 == 1 {
            static_str(l >> 1).unwrap_or_else(|| panic!("static qstr {} out of range", l >> 1)).to_string()
        } else {
            let len = (l >> 1) as usize;
            let t = String::from_utf8(b[p..p + len].to_vec()).unwrap();
            assert_eq!(b[p + len], 0, "qstr not NUL-terminated");
            p += len + 1;
            t
        };
        out.push((text, b[start..p].to_vec()));
    }
    out
}

fn py_str(s: &str) -> String {
    let mut q = String::from("\"");
    for c in s.chars() {
        match c {
            '\n' => q.push_str("\\n"),
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            _ => q.push(c),
        }
    }
    q.push('"');
    q
}

#[test]
fn static_qstr_list_matches_mpy_cross() {
    // Look-alikes that must not be static (neighbours in MicroPython's other qstr pools, near misses).
    let non_static = ["__add__", "__bool__", "<lambda>", "zip_", "Print", "utf8", "__dict__", "sys", "<listcomp>"];
    let mut src = String::new();
    let mut expected: Vec<&str> = Vec::new();
    for s in STATIC_QSTRS.iter().chain(non_static.iter()) {
        // Each string literal becomes a LOAD_CONST_STRING qstr (static qstrs are always in mpy-cross's pool, and
        // the look-alikes are at most 10 bytes).
        src.push_str(&format!("f({})\n", py_str(s)));
        expected.push(s);
    }
    let bytes = common::compile_with_mpy_cross(&src, "q.py", &[]);
    let table = qstr_table(&bytes);

    // Our writer produces exactly the same entry bytes for every qstr of the table.
    for (text, raw) in &table {
        let mut mine = Vec::new();
        write_qstr(text, &mut mine);
        assert_eq!(&mine, raw, "qstr {text:?}");
    }
    // The literals appear in source order, so a misnumbered (e.g. swapped) static entry would show up here.
    let seen: Vec<&str> =
        table.iter().map(|(t, _)| t.as_str()).filter(|t| expected.contains(t)).fold(Vec::new(), |mut v, t| {
            if !v.contains(&t) {
                v.push(t);
            }
            v
        });
    // "<module>" is registered first, as the module's simple name.
    let expected_order: Vec<&str> = std::iter::once("<module>").chain(expected.iter().copied().filter(|s| *s != "<module>")).collect();
    assert_eq!(seen, expected_order);
    let n_static = table.iter().filter(|(_, raw)| raw[0] & 1 == 1 || raw.len() == 2 && raw[1] & 1 == 1).count();
    assert!(n_static >= STATIC_QSTRS.len(), "only {n_static} static entries");
}
