//! A sparse map of flash contents by address: what a firmware file holds once decoded (UF2 blocks, HEX
//! records, ELF segments, a `.bin` at its base), and where the project's region is added. Adjacent pieces
//! merge; overlapping pieces are an error naming both ranges in hex.

use std::collections::BTreeMap;

/// Contiguous runs of bytes keyed by start address.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segments {
    runs: BTreeMap<u64, Vec<u8>>,
}

/// Two pieces claim the same bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overlap {
    pub new: (u64, u64),
    pub old: (u64, u64),
}

impl std::fmt::Display for Overlap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#010x}..{:#010x} overlaps {:#010x}..{:#010x}", self.new.0, self.new.1, self.old.0, self.old.1)
    }
}

impl Segments {
    pub fn new() -> Segments {
        Segments::default()
    }

    /// Adds `data` at `addr`; bytes already present there are an error.
    pub fn insert(&mut self, addr: u64, data: &[u8]) -> Result<(), Overlap> {
        if data.is_empty() {
            return Ok(());
        }
        let end = addr + data.len() as u64;
        if let Some((s, e)) = self.overlapping(addr, end) {
            return Err(Overlap { new: (addr, end), old: (s, e) });
        }
        // Merge with the run ending exactly at `addr` and the one starting exactly at `end`.
        let mut start = addr;
        let mut bytes = data.to_vec();
        if let Some((&s, prev)) = self.runs.range(..addr).next_back() {
            if s + prev.len() as u64 == addr {
                let mut p = self.runs.remove(&s).unwrap_or_default();
                p.extend_from_slice(&bytes);
                bytes = p;
                start = s;
            }
        }
        if let Some(next) = self.runs.remove(&end) {
            bytes.extend_from_slice(&next);
        }
        self.runs.insert(start, bytes);
        Ok(())
    }

    /// Adds `data` at `addr`, replacing whatever was there.
    pub fn overwrite(&mut self, addr: u64, data: &[u8]) {
        self.remove_range(addr, addr + data.len() as u64);
        let _ = self.insert(addr, data);
    }

    /// Drops every byte in `start..end`.
    pub fn remove_range(&mut self, start: u64, end: u64) {
        let keys: Vec<u64> = self.runs.range(..end).map(|(k, _)| *k).collect();
        for k in keys {
            let len = self.runs[&k].len() as u64;
            if k + len <= start {
                continue;
            }
            let run = self.runs.remove(&k).unwrap_or_default();
            if k < start {
                self.runs.insert(k, run[..(start - k) as usize].to_vec());
            }
            if k + len > end {
                self.runs.insert(end, run[(end - k) as usize..].to_vec());
            }
        }
    }

    /// The first present range intersecting `start..end`.
    pub fn overlapping(&self, start: u64, end: u64) -> Option<(u64, u64)> {
        if let Some((&s, d)) = self.runs.range(..start).next_back() {
            if s + d.len() as u64 > start {
                return Some((s, s + d.len() as u64));
            }
        }
        self.runs.range(start..end).next().map(|(&s, d)| (s, s + d.len() as u64))
    }

    /// The runs, in address order.
    pub fn runs(&self) -> impl Iterator<Item = (u64, &[u8])> {
        self.runs.iter().map(|(a, d)| (*a, d.as_slice()))
    }

    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Lowest and one-past-highest address.
    pub fn span(&self) -> Option<(u64, u64)> {
        let (&lo, _) = self.runs.iter().next()?;
        let (&s, d) = self.runs.iter().next_back()?;
        Some((lo, s + d.len() as u64))
    }

    /// Bytes present.
    pub fn len(&self) -> u64 {
        self.runs.values().map(|d| d.len() as u64).sum()
    }

    /// `len` bytes from `addr`, with `fill` where nothing is present.
    pub fn read(&self, addr: u64, len: usize, fill: u8) -> Vec<u8> {
        let mut out = vec![fill; len];
        let end = addr + len as u64;
        let first = self.runs.range(..=addr).next_back().map_or(addr, |(k, _)| *k);
        for (&s, d) in self.runs.range(first..end) {
            let e = s + d.len() as u64;
            if e <= addr {
                continue;
            }
            let from = s.max(addr);
            let to = e.min(end);
            out[(from - addr) as usize..(to - addr) as usize].copy_from_slice(&d[(from - s) as usize..(to - s) as usize]);
        }
        out
    }

    /// Whether every byte of `start..end` is present.
    pub fn covers(&self, start: u64, end: u64) -> bool {
        match self.runs.range(..=start).next_back() {
            Some((&s, d)) => s + d.len() as u64 >= end,
            None => false,
        }
    }

    /// One flat buffer from `base` to the end, gaps filled with `fill`.
    pub fn flatten(&self, base: u64, fill: u8) -> Vec<u8> {
        match self.span() {
            Some((_, hi)) if hi > base => self.read(base, (hi - base) as usize, fill),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_overlap_and_read() {
        let mut s = Segments::new();
        s.insert(0x100, &[1; 16]).unwrap();
        s.insert(0x110, &[2; 16]).unwrap();
        s.insert(0x200, &[3; 4]).unwrap();
        assert_eq!(s.runs().count(), 2);
        let e = s.insert(0x11f, &[9; 2]).unwrap_err();
        assert_eq!(e.old, (0x100, 0x120));
        assert_eq!(e.to_string(), "0x0000011f..0x00000121 overlaps 0x00000100..0x00000120");
        assert_eq!(s.read(0x11e, 4, 0xff), vec![2, 2, 0xff, 0xff]);
        assert!(s.covers(0x100, 0x120));
        assert!(!s.covers(0x100, 0x121));
        s.overwrite(0x10f, &[7, 7]);
        assert_eq!(s.read(0x10e, 4, 0), vec![1, 7, 7, 2]);
        assert_eq!(s.span(), Some((0x100, 0x204)));
        assert_eq!(s.len(), 36);
    }
}
