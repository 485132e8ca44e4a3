//! How bytes travel to the board inside Python source: raw deflate + base64 when the firmware has the
//! `deflate` module (decoded by `deflate.DeflateIO(..., deflate.RAW, wbits)`), plain base64 otherwise, and
//! `bytes` literals as the last resort. Chunks are sized to the board's free memory, and each compressed
//! chunk is independent, so the board's window (`2**wbits`) never needs to exceed the chunk.

use base64::Engine;

/// What the board can decode, and how big a piece it can take.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Codec {
    /// `deflate` is importable.
    pub deflate: bool,
    /// `binascii.a2b_base64` exists.
    pub base64: bool,
    /// Raw bytes per chunk: a power of two, `2**wbits`.
    pub wbits: u8,
    /// Encoded bytes per exec (several chunks may share one exec).
    pub exec_budget: usize,
}

impl Codec {
    /// Sizes chunks for a board with `mem_free` bytes of heap.
    pub fn for_board(deflate: bool, base64: bool, mem_free: u64) -> Codec {
        // A chunk costs about four times its size while it is decoded (source literal, lexer buffer, the
        // decoded bytes, the window); keep that under a sixteenth of the free heap.
        let per_chunk = (mem_free / 16).clamp(512, 16384);
        let wbits = (63 - per_chunk.leading_zeros()).clamp(9, 14) as u8;
        let exec_budget = (mem_free / 8).clamp(1024, 32768) as usize;
        Codec { deflate, base64, wbits, exec_budget }
    }

    /// Raw bytes per chunk.
    pub fn chunk(&self) -> usize {
        1 << self.wbits
    }

    /// A Python expression that evaluates to `data` on the board, using the prelude's decoders.
    pub fn encode(&self, data: &[u8]) -> String {
        if self.base64 {
            let b64 = base64::engine::general_purpose::STANDARD.encode(data);
            if self.deflate && data.len() > 64 {
                let z = miniz_oxide::deflate::compress_to_vec(data, 6);
                let zb64 = base64::engine::general_purpose::STANDARD.encode(&z);
                if zb64.len() + 8 < b64.len() {
                    return format!("_z(b'{zb64}',{})", self.wbits);
                }
            }
            return format!("_a(b'{b64}')");
        }
        bytes_literal(data)
    }
}

/// A Python `bytes` literal.
pub fn bytes_literal(data: &[u8]) -> String {
    let mut s = String::with_capacity(data.len() * 2 + 3);
    s.push_str("b'");
    for &c in data {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\'' => s.push_str("\\'"),
            b'\n' => s.push_str("\\n"),
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push('\'');
    s
}

/// A Python `str` literal for a path or name.
pub fn str_literal(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('\'');
    for c in text.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '\'' => s.push_str("\\'"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => s.push_str(&format!("\\x{:02x}", c as u32)),
            c => s.push(c),
        }
    }
    s.push('\'');
    s
}

/// Decodes base64 lines printed by the board, each line on its own (each may end in padding).
pub fn decode_base64_lines(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for line in text.split(|&c| c == b'\n') {
        let clean: Vec<u8> = line.iter().copied().filter(|c| !c.is_ascii_whitespace()).collect();
        if !clean.is_empty() {
            out.extend(base64::engine::general_purpose::STANDARD.decode(clean).ok()?);
        }
    }
    Some(out)
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    let d = sha2::Sha256::digest(data);
    let mut s = String::with_capacity(64);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Decodes a hex string.
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_sizes_follow_memory() {
        let small = Codec::for_board(true, true, 20_000);
        assert_eq!(small.chunk(), 1024);
        assert_eq!(small.exec_budget, 2500);
        let big = Codec::for_board(true, true, 2_000_000);
        assert_eq!(big.chunk(), 16384);
        assert_eq!(big.exec_budget, 32768);
        assert_eq!(Codec::for_board(false, true, 0).chunk(), 512);
    }

    #[test]
    fn compressible_data_is_deflated_and_round_trips() {
        let c = Codec::for_board(true, true, 1_000_000);
        let data = b"def f(x):\n    return x + 1\n".repeat(40);
        let e = c.encode(&data);
        assert!(e.starts_with("_z(b'"), "{e}");
        let b64 = e.trim_start_matches("_z(b'").split('\'').next().unwrap();
        let z = base64::engine::general_purpose::STANDARD.decode(b64).unwrap();
        assert_eq!(miniz_oxide::inflate::decompress_to_vec(&z).unwrap(), data);
        // Random bytes do not compress: plain base64.
        let noise: Vec<u8> = (0..300u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        assert!(c.encode(&noise).starts_with("_a(b'"));
    }

    #[test]
    fn literals_escape_everything_odd() {
        assert_eq!(bytes_literal(b"a'\\\n\x00\xff"), "b'a\\'\\\\\\n\\x00\\xff'");
        assert_eq!(str_literal("it's\n"), "'it\\'s\\n'");
        assert_eq!(decode_base64_lines(b"aGVs\r\nbG8=\r\nIQ==\n").unwrap(), b"hello!");
        assert_eq!(unhex("00ff"), Some(vec![0, 255]));
        assert_eq!(unhex("0"), None);
        assert_eq!(sha256_hex(b"").len(), 64);
    }
}
