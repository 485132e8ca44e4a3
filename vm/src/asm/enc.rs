//! A fixed-size byte sink holding one encoded instruction before it goes to the code buffer.

/// The bytes of one instruction (x86 instructions are at most 15 bytes long).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Enc {
    buf: [u8; 16],
    len: usize,
}

impl Default for Enc {
    fn default() -> Self {
        Enc::new()
    }
}

impl Enc {
    /// An empty instruction.
    pub const fn new() -> Enc {
        Enc {
            buf: [0; 16],
            len: 0,
        }
    }

    /// Appends one byte. Encoders never exceed 15 bytes; a 17th byte would be dropped.
    pub fn byte(&mut self, b: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    /// Appends bytes.
    pub fn bytes(&mut self, bs: &[u8]) {
        bs.iter().for_each(|&b| self.byte(b));
    }

    /// Appends a little-endian 32-bit value (`asm_x64_write_word32`).
    pub fn word32(&mut self, v: u32) {
        self.bytes(&v.to_le_bytes());
    }

    /// Appends a little-endian 64-bit value (`asm_x64_write_word64`).
    pub fn word64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }

    /// The bytes so far.
    pub fn as_slice(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}
