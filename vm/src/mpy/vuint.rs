//! Variable-length unsigned integers as `.mpy` stores them (7-bit groups, most significant first).
//!
//! Every byte but the last has bit 7 set. The writer always uses the minimal length (`mp_print_uint`); the
//! reader accepts redundant leading `0x80` bytes, as MicroPython's loader does.

/// Why a vuint could not be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VuintError {
    /// The input ended before a byte with bit 7 clear.
    Truncated,
    /// The value does not fit in 64 bits.
    Overflow,
}

/// Appends the minimal encoding of `n`.
pub fn encode(n: u64, out: &mut Vec<u8>) {
    let mut groups = [0u8; 10];
    let mut i = groups.len();
    let mut v = n;
    i -= 1;
    groups[i] = (v & 0x7f) as u8;
    v >>= 7;
    while v != 0 {
        i -= 1;
        groups[i] = 0x80 | (v & 0x7f) as u8;
        v >>= 7;
    }
    out.extend_from_slice(&groups[i..]);
}

/// The minimal encoding of `n` as a fresh vector.
pub fn to_vec(n: u64) -> Vec<u8> {
    let mut v = Vec::new();
    encode(n, &mut v);
    v
}

/// Number of bytes `encode` writes for `n`.
pub fn encoded_len(n: u64) -> usize {
    let bits = 64 - n.leading_zeros() as usize;
    bits.div_ceil(7).max(1)
}

/// Decodes one vuint starting at `bytes[*pos]`, advancing `*pos` past it on success.
/// On error `*pos` is left at the start of the vuint.
pub fn decode(bytes: &[u8], pos: &mut usize) -> Result<u64, VuintError> {
    let mut n: u64 = 0;
    let mut i = *pos;
    loop {
        let Some(&b) = bytes.get(i) else {
            return Err(VuintError::Truncated);
        };
        i += 1;
        if n >> 57 != 0 {
            return Err(VuintError::Overflow);
        }
        n = (n << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            *pos = i;
            return Ok(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_encodings() {
        assert_eq!(to_vec(0), [0x00]);
        assert_eq!(to_vec(127), [0x7f]);
        assert_eq!(to_vec(128), [0x81, 0x00]);
        assert_eq!(to_vec(247), [0x81, 0x77]);
        assert_eq!(to_vec(144), [0x81, 0x10]);
        assert_eq!(to_vec(u64::MAX).len(), 10);
    }

    #[test]
    fn round_trip_and_len() {
        for n in [0u64, 1, 63, 64, 127, 128, 16383, 16384, 1 << 35, u64::MAX - 1, u64::MAX] {
            let v = to_vec(n);
            assert_eq!(v.len(), encoded_len(n));
            let mut p = 0;
            assert_eq!(decode(&v, &mut p), Ok(n));
            assert_eq!(p, v.len());
        }
    }

    #[test]
    fn redundant_leading_groups_accepted() {
        let mut p = 0;
        assert_eq!(decode(&[0x80, 0x80, 0x05], &mut p), Ok(5));
        assert_eq!(p, 3);
    }

    #[test]
    fn errors() {
        let mut p = 0;
        assert_eq!(decode(&[0x81, 0x82], &mut p), Err(VuintError::Truncated));
        assert_eq!(p, 0);
        assert_eq!(decode(&[], &mut p), Err(VuintError::Truncated));
        let mut big = vec![0xffu8; 10];
        big.push(0x7f);
        assert_eq!(decode(&big, &mut p), Err(VuintError::Overflow));
        // 64 bits exactly is fine: 0x81 followed by nine 0xff-ish groups.
        let max = to_vec(u64::MAX);
        assert_eq!(decode(&max, &mut p), Ok(u64::MAX));
    }
}
