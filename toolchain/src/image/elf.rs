//! The loadable contents of a 32-bit little-endian ELF firmware file: every `PT_LOAD` program header's file
//! bytes at its physical (load) address, which is where flash holds them (initialised data included).

use super::segments::Segments;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Whether the bytes start with the ELF magic.
pub fn looks_like(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x7fELF")
}

/// Reads the loadable segments; errors name the byte offset.
pub fn parse(bytes: &[u8]) -> Result<Segments, String> {
    if !looks_like(bytes) {
        return Err("no ELF magic at byte 0x0".to_string());
    }
    if bytes.get(4) != Some(&1) || bytes.get(5) != Some(&1) {
        return Err("only 32-bit little-endian ELF files are firmware files (byte 0x4/0x5)".to_string());
    }
    let short = |what: &str, at: usize| format!("the ELF file is truncated: {what} at byte {at:#x}");
    let phoff = u32_at(bytes, 28).ok_or_else(|| short("program header offset", 28))? as usize;
    let phentsize = usize::from(u16_at(bytes, 42).ok_or_else(|| short("program header size", 42))?);
    let phnum = usize::from(u16_at(bytes, 44).ok_or_else(|| short("program header count", 44))?);
    if phentsize < 32 {
        return Err(format!("program headers of {phentsize} bytes (byte 0x2a) are too small"));
    }
    let mut s = Segments::new();
    for i in 0..phnum {
        let at = phoff + i * phentsize;
        let get = |off: usize| u32_at(bytes, at + off).ok_or_else(|| short("a program header", at + off));
        let (ty, offset, paddr, filesz) = (get(0)?, get(4)? as usize, get(12)?, get(16)? as usize);
        if ty != 1 || filesz == 0 {
            continue;
        }
        let data = bytes
            .get(offset..offset.saturating_add(filesz))
            .ok_or_else(|| format!("program header {i} (byte {at:#x}) points past the end of the file"))?;
        s.insert(u64::from(paddr), data).map_err(|o| format!("program header {i} (byte {at:#x}) loads {o}"))?;
    }
    if s.is_empty() {
        return Err("the ELF file has no loadable segments".to_string());
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal ELF32 with one PT_LOAD.
    pub fn tiny_elf(paddr: u32, data: &[u8]) -> Vec<u8> {
        let mut b = vec![0u8; 52 + 32];
        b[..4].copy_from_slice(b"\x7fELF");
        b[4] = 1;
        b[5] = 1;
        b[28..32].copy_from_slice(&52u32.to_le_bytes());
        b[42..44].copy_from_slice(&32u16.to_le_bytes());
        b[44..46].copy_from_slice(&1u16.to_le_bytes());
        let ph = 52;
        b[ph..ph + 4].copy_from_slice(&1u32.to_le_bytes());
        b[ph + 4..ph + 8].copy_from_slice(&84u32.to_le_bytes());
        b[ph + 12..ph + 16].copy_from_slice(&paddr.to_le_bytes());
        b[ph + 16..ph + 20].copy_from_slice(&(data.len() as u32).to_le_bytes());
        b.extend_from_slice(data);
        b
    }

    #[test]
    fn reads_load_segments_and_refuses_truncation() {
        let e = tiny_elf(0x0800_0000, &[1, 2, 3]);
        assert_eq!(parse(&e).unwrap().read(0x0800_0000, 3, 0), vec![1, 2, 3]);
        assert!(parse(&e[..60]).is_err());
        assert!(parse(&e[..86]).unwrap_err().contains("past the end"));
    }
}
