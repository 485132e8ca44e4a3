//! The `.mpy` reader on malformed input: every error names the right byte offset, nothing panics, and no
//! input can make it allocate much more than its own size or recurse without bound.

use mpy_vm::mpy::vuint;
use mpy_vm::mpy::{read, write, ReadError};
use rand::{rngs::StdRng, Rng, SeedableRng};
use std::path::Path;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "mpy"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

fn err(bytes: &[u8]) -> ReadError {
    match read(bytes) {
        Ok(m) => panic!("expected an error, got {m:?}"),
        Err(e) => e,
    }
}

fn uint(n: u64) -> Vec<u8> {
    vuint::to_vec(n)
}

/// Header of a bytecode-only file followed by `rest`.
fn file(rest: &[u8]) -> Vec<u8> {
    let mut v = vec![b'M', 6, 0, 31];
    v.extend_from_slice(rest);
    v
}

/// A minimal valid body: no qstrs, no objects, a 1-byte raw code.
const TINY_ROOT: [u8; 2] = [0x08, 0x00];

#[test]
fn every_truncation_is_an_error_inside_the_input() {
    for (name, bytes) in fixtures() {
        assert!(read(&bytes).is_ok(), "{name}");
        for n in 0..bytes.len() {
            let e = err(&bytes[..n]);
            assert!(e.offset <= n, "{name}[..{n}]: offset {} past the end", e.offset);
        }
    }
}

#[test]
fn byte_mutations_never_panic() {
    let mut n_ok = 0usize;
    let mut n_err = 0usize;
    for (_, bytes) in fixtures() {
        for i in 0..bytes.len() {
            for v in [0x00, 0xff, bytes[i] ^ 0x80, bytes[i].wrapping_add(1), bytes[i] ^ 0x04] {
                let mut b = bytes.clone();
                b[i] = v;
                match read(&b) {
                    Ok(m) => {
                        n_ok += 1;
                        let _ = write(&m);
                    }
                    Err(e) => {
                        n_err += 1;
                        assert!(e.offset <= b.len());
                    }
                }
            }
        }
    }
    eprintln!("mutations: {n_ok} still readable, {n_err} rejected");
    assert!(n_err > 0);
}

#[test]
fn random_garbage_never_panics() {
    let mut rng = StdRng::seed_from_u64(42);
    for i in 0..20_000 {
        let len = rng.gen_range(0..64);
        let mut b: Vec<u8> = (0..len).map(|_| rng.gen()).collect();
        if i % 2 == 0 && b.len() >= 4 {
            b[0] = b'M';
            b[1] = 6;
            b[2] &= 0x7f;
        }
        if let Err(e) = read(&b) {
            assert!(e.offset <= b.len());
        }
    }
}

#[test]
fn header_errors() {
    assert_eq!(err(b""), ReadError { offset: 0, message: "unexpected end of file reading the header".into() });
    assert_eq!(err(b"C\x06\x00\x1f").offset, 0);
    assert!(err(b"C\x06\x00\x1f").message.contains("bad magic"));
    let e = err(b"M\x05\x00\x1f");
    assert_eq!((e.offset, e.message.as_str()), (1, "unsupported .mpy version 5 (expected 6)"));
    let e = err(b"M\x06\x3b\x1f"); // arch 14
    assert_eq!((e.offset, e.message.as_str()), (2, "unknown native architecture code 14"));
    let e = err(b"M\x06\x80\x1f");
    assert_eq!(e.offset, 2);
    let e = err(b"M\x06\x40\x1f\xff\xff\xff\xff\x7f"); // arch flags > u32
    assert_eq!(e.offset, 4);
    assert!(e.message.contains("arch flags"));
}

#[test]
fn count_and_length_errors() {
    // Absurd counts fail at once, before any allocation.
    let mut b = file(&uint(1 << 60));
    b.extend_from_slice(&[0, 0]);
    let e = err(&b);
    assert_eq!(e.offset, 4);
    assert!(e.message.starts_with("qstr count 1152921504606846976 exceeds"), "{}", e.message);
    // vuint overflow.
    let e = err(&file(&[0xff; 12]));
    assert_eq!((e.offset, e.message.as_str()), (4, "qstr count does not fit in 64 bits"));
    // A qstr whose length runs past the end.
    let mut body = vec![1, 0];
    body.extend(uint(200 << 1));
    body.extend_from_slice(b"abc");
    let e = err(&file(&body));
    assert_eq!(e.offset, 6);
    assert!(e.message.contains("runs past the end"));
    // Function data longer than the file.
    let mut body = vec![0, 0];
    body.extend(uint(1000 << 3));
    body.push(0);
    assert_eq!(err(&file(&body)).offset, 6);
    // Tuple count bigger than what is left.
    let mut body = vec![0, 1, 10];
    body.extend(uint(1 << 40));
    body.extend_from_slice(&TINY_ROOT);
    let e = err(&file(&body));
    assert_eq!(e.offset, 7);
    assert!(e.message.starts_with("tuple length"));
    // Child count bigger than what is left.
    let mut body = vec![0, 0, 0x0c, 0x00];
    body.extend(uint(1 << 50));
    let e = err(&file(&body));
    assert_eq!(e.offset, 8);
    assert!(e.message.starts_with("child count"));
}

#[test]
fn content_errors() {
    // Static qstr numbers 0 and 166 do not exist.
    for (l, n) in [(1u64, 0), (166 << 1 | 1, 166)] {
        let mut body = vec![1, 0];
        body.extend(uint(l));
        body.extend_from_slice(&TINY_ROOT);
        let e = err(&file(&body));
        assert_eq!(e.offset, 6);
        assert_eq!(e.message, format!("static qstr number {n} out of range 1..=165"));
    }
    // A qstr that is not UTF-8 (mpy-cross writes the source's bytes as they are): read losslessly, and
    // written back byte for byte.
    let mut body = vec![1, 0, 6, b'a', 0xc3, b'(', 0];
    body.extend_from_slice(&TINY_ROOT);
    let m = read(&file(&body)).expect("a non-UTF-8 qstr is read");
    assert_eq!(&*mpy_vm::mpy::text::to_bytes(&m.qstrs[0]), b"a\xc3(");
    assert_eq!(write(&m), file(&body));
    // Missing NUL after a qstr.
    let body = [1, 0, 2, b'a', b'b', 0x08, 0];
    let e = err(&file(&body));
    assert_eq!(e.offset, 8);
    assert!(e.message.contains("not NUL-terminated"));
    // Unknown object type.
    let body = [0, 1, 11, 0x08, 0];
    let e = err(&file(&body));
    assert_eq!((e.offset, e.message.as_str()), (6, "unknown object type 11"));
    // Bad number texts.
    for (ty, text) in [(7u8, "12x"), (8, "1.2.3"), (8, ""), (9, "1.5"), (7, "")] {
        let mut body = vec![0, 1, ty];
        body.extend(uint(text.len() as u64));
        body.extend_from_slice(text.as_bytes());
        body.extend_from_slice(&TINY_ROOT);
        let e = err(&file(&body));
        assert_eq!(e.offset, 8, "{text:?}");
        assert!(e.message.starts_with("invalid"), "{}", e.message);
    }
    // A str object that is not UTF-8, likewise.
    let mut body = vec![0, 1, 5, 2, 0xff, 0xfe, 0];
    body.extend_from_slice(&TINY_ROOT);
    let m = read(&file(&body)).expect("a non-UTF-8 str object is read");
    assert_eq!(write(&m), file(&body));
    // Trailing bytes.
    let mut body = vec![0, 0];
    body.extend_from_slice(&TINY_ROOT);
    body.push(0x99);
    let e = err(&file(&body));
    assert_eq!((e.offset, e.message.as_str()), (8, "1 trailing bytes after the module's raw code"));
    // Native prelude offset past the end of the code.
    let body = [0, 0, 0x09, 0xaa, 0x05];
    let e = err(&file(&body));
    assert_eq!(e.offset, 8);
    assert!(e.message.starts_with("prelude offset 5 past the end"));
    // Viper natmod data is not modelled.
    let body = [0, 0, 0x0a, 0xaa, 0x10];
    let e = err(&file(&body));
    assert_eq!(e.offset, 8);
    assert!(e.message.contains("natmod"));
}

#[test]
fn deep_nesting_is_bounded() {
    // 100k nested tuples: rejected without exhausting the stack.
    let mut body = vec![0, 1];
    for _ in 0..100_000 {
        body.extend_from_slice(&[10, 1]);
    }
    body.push(1);
    body.extend_from_slice(&TINY_ROOT);
    let e = err(&file(&body));
    assert!(e.message.starts_with("tuples nested deeper than"), "{}", e.message);
    // 100k nested raw codes.
    let mut body = vec![0, 0];
    for _ in 0..100_000 {
        body.extend_from_slice(&[0x0c, 0x00, 0x01]);
    }
    body.extend_from_slice(&TINY_ROOT);
    let e = err(&file(&body));
    assert!(e.message.starts_with("raw code nested deeper than"), "{}", e.message);
    // Moderate nesting is fine and round-trips.
    let mut body = vec![0, 1];
    for _ in 0..200 {
        body.extend_from_slice(&[10, 1]);
    }
    body.push(1);
    body.extend_from_slice(&TINY_ROOT);
    let b = file(&body);
    assert_eq!(write(&read(&b).unwrap()), b);
}
