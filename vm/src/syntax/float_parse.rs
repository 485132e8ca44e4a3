//! Float and imaginary literals parsed to `f64` exactly as MicroPython's `mp_parse_num_float` does it.

use crate::syntax::ast::Constant;

/// Parses a float/imaginary token as the lexer hands it over (underscores already removed by the lexer,
/// `E` already turned into `e`). Returns `None` where MicroPython raises `invalid syntax for number`.
pub fn parse_float_literal(text: &str) -> Option<Constant> {
    let cleaned: String = text.chars().filter(|&c| c != '_').collect();
    let (body, imag) = match cleaned.strip_suffix(['j', 'J']) {
        Some(b) => (b, true),
        None => (&cleaned[..], false),
    };
    let value: f64 = body.parse().ok()?;
    Some(if imag { Constant::Complex { real: 0.0, imag: value } } else { Constant::Float(value) })
}
