//! Intel HEX files through the `ihex` crate: reading (every record's checksum checked, errors naming the
//! line) into flash segments, and writing segments back as 16-byte data records with extended linear
//! address records, keeping the base file's start address.

use ihex::Record;

use super::segments::Segments;

/// A decoded HEX file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HexFile {
    pub segments: Segments,
    /// Start address records (type 03/05), written back unchanged.
    pub start: Vec<Record>,
    pub records: usize,
}

/// Parses `text`; errors name the 1-based line.
pub fn parse(text: &str) -> Result<HexFile, String> {
    let mut out = HexFile::default();
    let mut upper: u64 = 0;
    let mut ended = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if ended {
            return Err(format!("line {}: a record after the end-of-file record", i + 1));
        }
        let rec = Record::from_record_string(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        out.records += 1;
        match rec {
            Record::Data { offset, value } => {
                let addr = upper + u64::from(offset);
                out.segments
                    .insert(addr, &value)
                    .map_err(|o| format!("line {}: data {o} written by an earlier record", i + 1))?;
            }
            Record::ExtendedLinearAddress(u) => upper = u64::from(u) << 16,
            Record::ExtendedSegmentAddress(s) => upper = u64::from(s) << 4,
            Record::EndOfFile => ended = true,
            r @ (Record::StartLinearAddress(_) | Record::StartSegmentAddress { .. }) => out.start.push(r),
        }
    }
    if out.records == 0 {
        return Err("no Intel HEX records".to_string());
    }
    if !ended {
        return Err("no end-of-file record (the file is truncated)".to_string());
    }
    Ok(out)
}

/// Writes segments (and start records) as Intel HEX text.
pub fn write(segments: &Segments, start: &[Record]) -> Result<String, String> {
    let mut recs = Vec::new();
    let mut upper: Option<u64> = None;
    for (addr, data) in segments.runs() {
        let mut a = addr;
        let mut rest = data;
        while !rest.is_empty() {
            if a > 0xffff_ffff {
                return Err(format!("address {a:#x} does not fit Intel HEX's 32 bits"));
            }
            let hi = a >> 16;
            if upper != Some(hi) {
                recs.push(Record::ExtendedLinearAddress(hi as u16));
                upper = Some(hi);
            }
            // A record never crosses a 64 KiB boundary.
            let room = (0x1_0000 - (a & 0xffff)) as usize;
            let n = rest.len().min(16).min(room);
            recs.push(Record::Data { offset: (a & 0xffff) as u16, value: rest[..n].to_vec() });
            a += n as u64;
            rest = &rest[n..];
        }
    }
    recs.extend(start.iter().cloned());
    recs.push(Record::EndOfFile);
    ihex::create_object_file_representation(&recs).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_across_64k() {
        let mut s = Segments::new();
        s.insert(0x0800_fff8, &(0..40).collect::<Vec<u8>>()).unwrap();
        s.insert(0x9010_0000, &[1, 2, 3]).unwrap();
        let text = write(&s, &[Record::StartLinearAddress(0x0800_0101)]).unwrap();
        let back = parse(&text).unwrap();
        assert_eq!(back.segments, s);
        assert_eq!(back.start, vec![Record::StartLinearAddress(0x0800_0101)]);
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse(":020000040800F2\n:0400000001020304F0\n:00000001FF\n").unwrap_err();
        assert!(e.starts_with("line 2:"), "{e}");
        assert!(parse(":020000040800F2\n").unwrap_err().contains("truncated"));
        assert!(parse("hello").unwrap_err().starts_with("line 1"));
    }
}
