//! Float literal parsing checked against mpy-cross on thousands of literals: each batch is compiled as one
//! constant tuple, whose float objects mpy-cross writes as repr text; the text must read back to exactly our
//! double.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::oracle::{self, Obj};
use crate::syntax::ast::Constant;
use crate::syntax::literal::parse_float_literal;

fn repr_to_f64(s: &str) -> f64 {
    match s {
        "inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        "nan" => f64::NAN,
        _ => s.parse().unwrap_or_else(|_| panic!("unreadable float repr {s:?}")),
    }
}

/// Literal texts covering long mantissas, huge and tiny exponents, denormals and near-halfway cases.
fn literals(n: usize, seed: u64) -> Vec<String> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut out: Vec<String> = [
        "0.1", "0.2", "0.3", "1e400", "1e-400", "5e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "2.2250738585072014e-308",
        "2.2250738585072011e-308", "4.9406564584124654e-324", "9007199254740993.0",
        "123456789012345678901234567890.", "0.000000000000000000000000000001", "1e23", "8.98846567431158e307",
        "3.141592653589793238462643383279", "2.718281828459045235360287", "1e22", "1e-22", "1e308", "1e-308",
        "0.0", "00.00", "1_000.000_1", "1e0", "1E5", "1e-5", ".5e1", "100000000000000000000000000000e-10", "1e0",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    while out.len() < n {
        let kind = rng.gen_range(0..4);
        let s = match kind {
            // Random significant digits and exponent.
            0 | 1 => {
                let nd = rng.gen_range(1..=if kind == 0 { 19 } else { 40 });
                let digits: String = (0..nd).map(|i| char::from(b'0' + rng.gen_range(if i == 0 { 1 } else { 0 }..10))).collect();
                let dot = rng.gen_range(0..=nd);
                let e = rng.gen_range(-340..=320);
                format!("{}.{}e{}", &digits[..dot], &digits[dot..], e).replace("..", ".")
            }
            // The exact decimal midpoint between two neighbouring doubles (hard rounding cases).
            2 => {
                let bits: u64 = rng.gen_range(1..0x7fe0_0000_0000_0000);
                let a = f64::from_bits(bits);
                let b = f64::from_bits(bits + 1);
                let mid = (a / 2.0) + (b / 2.0);
                format!("{:.40e}", if mid.is_finite() { mid } else { a })
            }
            // Denormals and near the edges of the range.
            _ => {
                let m: f64 = rng.gen_range(1.0..10.0);
                let e = if rng.gen_bool(0.5) { rng.gen_range(-330..-300) } else { rng.gen_range(300..=309) };
                format!("{m:.17}e{e}")
            }
        };
        out.push(s);
    }
    out
}

#[test]
fn float_literals_match_mpy_cross() {
    let lits = literals(6000, 0x666c_6f61);
    let mut bad = Vec::new();
    for chunk in lits.chunks(500) {
        let src = format!("x = ({},)\n", chunk.join(", "));
        let mpy = oracle::read(&oracle::compile(src.as_bytes(), &[]).expect("mpy-cross compiles the literals"));
        let Some(Obj::Tuple(items)) = mpy.objs.first() else { panic!("no constant tuple") };
        assert_eq!(items.len(), chunk.len());
        for (lit, item) in chunk.iter().zip(items) {
            let Obj::Float(repr) = item else { panic!("{lit}: {item:?}") };
            let theirs = repr_to_f64(repr);
            let ours = match parse_float_literal(lit) {
                Some(Constant::Float(f)) => f,
                other => panic!("{lit}: {other:?}"),
            };
            // mpy-cross prints the shortest text that reads back to its value *with its own parser*, so
            // the text is also read with ours (Rust's correctly rounded parser may land one ulp away).
            let ours_of_repr = match parse_float_literal(repr.trim_start_matches('-')) {
                Some(Constant::Float(f)) if repr.starts_with('-') => -f,
                Some(Constant::Float(f)) => f,
                _ => repr_to_f64(repr),
            };
            if theirs.to_bits() != ours.to_bits() && ours_of_repr.to_bits() != ours.to_bits() {
                bad.push(format!("{lit}: mpy-cross {repr} ({theirs:e}), ours {ours:e}"));
            }
        }
    }
    assert!(bad.is_empty(), "{} of {} literals differ:\n{}", bad.len(), lits.len(), bad.join("\n"));
}
