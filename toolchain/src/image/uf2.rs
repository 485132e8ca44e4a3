//! UF2 files block by block (format: microsoft/uf2 `README.md`): reading with every field kept, and writing
//! a merged file whose block numbers and totals are rewritten. A UF2 block is 512 bytes: magic
//! `0x0A324655`, `0x9E5D5157`, flags, target address, payload size (≤ 476), block number, number of
//! blocks, family ID (when flag `0x2000` is set), 476 bytes of data, final magic `0x0AB16F30`.
//!
//! Numbering: bootloaders count blocks per family (the UF2 README allows files of several families to be
//! concatenated, and picotool writes RP2350 files whose first block has its own family and numbering).
//! A merged file keeps the base file's scheme: one numbering over the whole file when the base numbered it
//! so, else one numbering per family, the project's blocks joining the firmware's family.

use super::segments::Segments;

pub const MAGIC_START0: u32 = 0x0A32_4655;
pub const MAGIC_START1: u32 = 0x9E5D_5157;
pub const MAGIC_END: u32 = 0x0AB1_6F30;
pub const FLAG_NOT_MAIN_FLASH: u32 = 0x0000_0001;
pub const FLAG_FAMILY_ID: u32 = 0x0000_2000;
/// Payload bytes per block we write (the RP2 boot ROM requires 256).
pub const PAYLOAD: usize = 256;

/// RP2 family IDs (UF2 README `utils/uf2families.json`, pico-sdk `boot/uf2.h`).
pub const RP2040: u32 = 0xe48b_ff56;
pub const RP2XXX_ABSOLUTE: u32 = 0xe48b_ff57;
pub const RP2XXX_DATA: u32 = 0xe48b_ff58;
pub const RP2350_ARM_S: u32 = 0xe48b_ff59;
pub const RP2350_RISCV: u32 = 0xe48b_ff5a;
pub const RP2350_ARM_NS: u32 = 0xe48b_ff5b;

/// A family's name, or its ID in hex.
pub fn family_name(id: u32) -> String {
    crate::deploy::flash::uf2::FAMILIES
        .iter()
        .find(|(f, _)| *f == id)
        .map_or_else(|| format!("{id:#010x}"), |(_, n)| format!("{n} ({id:#010x})"))
}

/// One block, all fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub flags: u32,
    pub addr: u32,
    pub no: u32,
    pub total: u32,
    /// Family ID, or file size when the family flag is clear.
    pub family: u32,
    pub payload: Vec<u8>,
    /// Bytes 32..508 beyond the payload (extension tags, checksums): kept verbatim.
    pub tail: Vec<u8>,
}

impl Block {
    pub fn family_id(&self) -> Option<u32> {
        (self.flags & FLAG_FAMILY_ID != 0).then_some(self.family)
    }
}

fn le(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Whether the bytes start with a UF2 block.
pub fn looks_like(bytes: &[u8]) -> bool {
    bytes.len() >= 512 && le(bytes, 0) == MAGIC_START0 && le(bytes, 4) == MAGIC_START1
}

/// Parses every block; an error names the block and its byte offset.
pub fn parse(bytes: &[u8]) -> Result<Vec<Block>, String> {
    if bytes.is_empty() || !bytes.len().is_multiple_of(512) {
        return Err(format!("{} bytes is not a whole number of 512-byte UF2 blocks", bytes.len()));
    }
    let mut out = Vec::with_capacity(bytes.len() / 512);
    for (i, b) in bytes.chunks(512).enumerate() {
        let at = i * 512;
        if le(b, 0) != MAGIC_START0 || le(b, 4) != MAGIC_START1 || le(b, 508) != MAGIC_END {
            return Err(format!("block {i} (byte {at:#x}) has bad magic numbers"));
        }
        let size = le(b, 16) as usize;
        if size > 476 {
            return Err(format!("block {i} (byte {at:#x}) claims {size} payload bytes (at most 476)"));
        }
        let (no, total) = (le(b, 20), le(b, 24));
        if no >= total {
            return Err(format!("block {i} (byte {at:#x}) is numbered {no} of {total}"));
        }
        out.push(Block {
            flags: le(b, 8),
            addr: le(b, 12),
            no,
            total,
            family: le(b, 28),
            payload: b[32..32 + size].to_vec(),
            tail: b[32 + size..508].to_vec(),
        });
    }
    Ok(out)
}

/// The flash contents the blocks write (blocks flagged "not main flash" are left out).
pub fn segments(blocks: &[Block]) -> Result<Segments, String> {
    let mut s = Segments::new();
    for (i, b) in blocks.iter().enumerate() {
        if b.flags & FLAG_NOT_MAIN_FLASH != 0 {
            continue;
        }
        s.insert(u64::from(b.addr), &b.payload).map_err(|o| format!("block {i} (byte {:#x}) writes {o}", i * 512))?;
    }
    Ok(s)
}

/// Families present, in first-seen order, with block counts.
pub fn families(blocks: &[Block]) -> Vec<(Option<u32>, u32)> {
    let mut v: Vec<(Option<u32>, u32)> = Vec::new();
    for b in blocks {
        match v.iter_mut().find(|(f, _)| *f == b.family_id()) {
            Some(e) => e.1 += 1,
            None => v.push((b.family_id(), 1)),
        }
    }
    v
}

/// Whether the file numbers all its blocks as one sequence.
pub fn numbered_globally(blocks: &[Block]) -> bool {
    let n = blocks.len() as u32;
    blocks.iter().enumerate().all(|(i, b)| b.no == i as u32 && b.total == n)
}

/// Blocks of `PAYLOAD` bytes writing `data` at `addr` (which should be 256-aligned).
pub fn blocks_for(addr: u32, data: &[u8], family: Option<u32>) -> Vec<Block> {
    data.chunks(PAYLOAD)
        .enumerate()
        .map(|(i, piece)| {
            let mut payload = piece.to_vec();
            payload.resize(PAYLOAD, 0xff);
            Block {
                flags: if family.is_some() { FLAG_FAMILY_ID } else { 0 },
                addr: addr + (i * PAYLOAD) as u32,
                no: 0,
                total: 0,
                family: family.unwrap_or(0),
                payload,
                tail: vec![0; 476 - PAYLOAD],
            }
        })
        .collect()
}

/// Renumbers `blocks` (globally, or per family) and serialises them.
pub fn write(blocks: &mut [Block], global: bool) -> Vec<u8> {
    if global {
        let n = blocks.len() as u32;
        for (i, b) in blocks.iter_mut().enumerate() {
            b.no = i as u32;
            b.total = n;
        }
    } else {
        for (fam, count) in families(blocks) {
            for (k, b) in blocks.iter_mut().filter(|b| b.family_id() == fam).enumerate() {
                b.no = k as u32;
                b.total = count;
            }
        }
    }
    let mut out = Vec::with_capacity(blocks.len() * 512);
    for b in blocks.iter() {
        for v in [MAGIC_START0, MAGIC_START1, b.flags, b.addr, b.payload.len() as u32, b.no, b.total, b.family] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&b.payload);
        out.extend_from_slice(&b.tail);
        out.extend_from_slice(&MAGIC_END.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_family_numbering() {
        let mut blocks = blocks_for(0x10FF_FF00, &[0; 256], Some(RP2XXX_ABSOLUTE));
        blocks.extend(blocks_for(0x1000_0000, &[1; 600], Some(RP2350_ARM_S)));
        let bytes = write(&mut blocks, false);
        let back = parse(&bytes).unwrap();
        assert_eq!(back.len(), 4);
        assert_eq!((back[0].no, back[0].total), (0, 1));
        assert_eq!((back[3].no, back[3].total), (2, 3));
        assert!(!numbered_globally(&back));
        assert_eq!(families(&back), vec![(Some(RP2XXX_ABSOLUTE), 1), (Some(RP2350_ARM_S), 3)]);
        let s = segments(&back).unwrap();
        assert_eq!(s.read(0x1000_0000, 2, 0), vec![1, 1]);
        assert_eq!(s.read(0x1000_0258, 8, 0), vec![0xff; 8]);
        let mut again = back.clone();
        let g = write(&mut again, true);
        assert!(numbered_globally(&parse(&g).unwrap()));
    }

    #[test]
    fn bad_blocks_are_named() {
        assert!(parse(b"nope").unwrap_err().contains("512-byte"));
        let mut b = write(&mut blocks_for(0, &[0; 10], None), true);
        b[100] ^= 1;
        assert!(parse(&b).is_ok());
        b[509] ^= 1;
        assert!(parse(&b).unwrap_err().contains("block 0 (byte 0x0)"));
    }
}
