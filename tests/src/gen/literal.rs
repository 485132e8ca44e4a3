//! Literals for the program generator: ints (small, at the small-int edges, big, in every base), floats in
//! many spellings, complex numbers, strings and bytes with escapes and prefixes, and f-strings.

use super::Gen;

const INT_EDGES: &[&str] = &[
    "0", "1", "2", "7", "-1", "255", "256", "0x3fffffff", "0x40000000", "1073741823", "1073741824", "-1073741824",
    "-1073741825", "0x7fffffff", "0x80000000", "0xffffffff", "4294967296", "0x7fffffffffffffff", "0x8000000000000000",
    "18446744073709551615", "18446744073709551616", "123456789012345678901234567890", "0o777", "0b1011",
    "1_000_000", "0xDEAD_BEEF", "0B1", "0O17", "00", "-0",
];

const FLOATS: &[&str] = &[
    "0.0", "1.0", "0.1", "0.5", "1.5", "2.25", "3.14159", "1e10", "1e-7", "1.5e300", "2.5e-300", "1e308", "1e-320",
    ".5", "5.", "1_000.25", "1e16", "1e17", "123456789.123", "0.30000000000000004", "6.02e23", "1E5", "9.999e-5",
    "1e22", "1e23", "4.9e-324", "1.7976931348623157e308", "1e400", "0.000001", "100.0",
];

const STR_PIECES: &[&str] = &[
    "", "a", "hello", "x y", "\\n", "\\t", "\\x41", "\\u00e9", "\\\\", "\\'", "é", "日本", "😀", "\\0", "__name__",
    "%d", "{}", "{0}", "abcdefghijklmnopqrstuvwxyz", "\\r\\n", "\\101", "$", "  ",
];

impl Gen<'_> {
    pub(super) fn int_lit(&mut self) -> String {
        match self.below(4) {
            0 => self.pick(INT_EDGES).to_string(),
            1 => format!("{}", self.below(1000)),
            2 => format!("0x{:x}", u64::from(self.below(u32::MAX)) << self.below(40)),
            _ => {
                let digits = 1 + self.below(40);
                let mut s = String::new();
                s.push(char::from(b'1' + self.below(9) as u8));
                for _ in 1..digits {
                    s.push(char::from(b'0' + self.below(10) as u8));
                }
                s
            }
        }
    }

    pub(super) fn float_lit(&mut self) -> String {
        match self.below(3) {
            0 => self.pick(FLOATS).to_string(),
            1 => format!("{}.{}", self.below(100_000), self.below(100_000)),
            _ => {
                let mant = format!("{}.{}", self.below(10), self.below(1_000_000));
                let exp = self.below(620) as i32 - 310;
                format!("{mant}e{exp}")
            }
        }
    }

    pub(super) fn complex_lit(&mut self) -> String {
        let f = self.pick(&["1j", "2.5j", "0j", "1e3j", "3J"]);
        f.to_string()
    }

    /// The body of a string literal (already escaped), without quotes.
    fn str_body(&mut self, quote: char) -> String {
        let n = self.below(4);
        let mut s = String::new();
        for _ in 0..n {
            let p = self.pick(STR_PIECES);
            if p == "\\'" && quote == '"' {
                s.push_str("\\\"");
            } else {
                s.push_str(p);
            }
        }
        if self.chance(1, 12) {
            // Long strings (not interned as qstrs), and strings repeated across the program.
            s.push_str(&"long text ".repeat(1 + self.below(12) as usize));
        }
        s
    }

    pub(super) fn str_lit(&mut self) -> String {
        let q = if self.chance(1, 2) { '\'' } else { '"' };
        match self.below(10) {
            0 => format!("r{q}a\\d+{q}"),
            1 => format!("{q}{q}{q}line one\nline {{two}}{q}{q}{q}"),
            2 => format!("{q}{}{q} {q}{}{q}", self.str_body(q), self.str_body(q)),
            _ => format!("{q}{}{q}", self.str_body(q)),
        }
    }

    pub(super) fn bytes_lit(&mut self) -> String {
        match self.below(5) {
            0 => "b''".to_string(),
            1 => "b'\\x00\\xff'".to_string(),
            2 => "rb'\\d'".to_string(),
            3 => format!("b'{}'", "ab".repeat(self.below(40) as usize)),
            _ => "b\"bytes\\n\"".to_string(),
        }
    }

    /// An f-string (double-quoted; inner strings use single quotes).
    pub(super) fn fstring(&mut self) -> String {
        let mut s = String::from("f\"");
        let parts = 1 + self.below(3);
        for _ in 0..parts {
            match self.below(5) {
                0 => s.push_str("x = "),
                1 => s.push_str("{{literal}} "),
                _ => {}
            }
            let e = match self.below(6) {
                0 => self.name(),
                1 => format!("{}.real", self.name()),
                2 => format!("{}[{}]", self.name(), self.below(3)),
                3 => format!("{} + {}", self.name(), self.below(10)),
                4 => format!("len({})", self.name()),
                _ => format!("'{}'", self.pick(&["a", "b c", ""])),
            };
            let conv = self.pick(&["", "", "", "!r", "!s"]);
            let spec = self.pick(&["", "", "", ":>10", ":.3f", ":x", ":05d", ":<4", ":^8", ":,", ":e"]);
            s.push('{');
            s.push_str(&e);
            s.push_str(conv);
            s.push_str(spec);
            s.push('}');
            if self.chance(1, 3) {
                s.push_str(" tail");
            }
        }
        s.push('"');
        s
    }
}
