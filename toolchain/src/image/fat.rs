//! FAT filesystem images through the `fatfs` crate: a volume formatted for a board's filesystem region
//! (sector size from the board table, FAT type chosen by size as FatFs does) holding the project's files,
//! and a listing of any FAT volume for `--inspect`.

use std::io::{Cursor, Read, Write};

use fatfs::{FileSystem, FormatVolumeOptions, FsOptions};

/// Formats a volume of `size` bytes with `sector`-byte sectors and writes `files` into it.
pub fn build(size: u64, sector: u16, files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    if sector < 512 || !sector.is_power_of_two() || !size.is_multiple_of(u64::from(sector)) {
        return Err(format!(
            "a FAT volume of {size:#x} bytes cannot have {sector}-byte sectors"
        ));
    }
    let sectors = u32::try_from(size / u64::from(sector))
        .map_err(|_| format!("{size:#x} bytes is too large for FAT"))?;
    let mut disk = Cursor::new(vec![0u8; size as usize]);
    fatfs::format_volume(
        &mut disk,
        FormatVolumeOptions::new()
            .bytes_per_sector(sector)
            .total_sectors(sectors),
    )
    .map_err(|e| format!("cannot format a FAT volume of {sectors} sectors: {e}"))?;
    disk.set_position(0);
    {
        let fs = FileSystem::new(&mut disk, FsOptions::new())
            .map_err(|e| format!("cannot mount the new FAT volume: {e}"))?;
        {
            let root = fs.root_dir();
            let mut made: Vec<String> = Vec::new();
            for (path, data) in files {
                let parts: Vec<&str> = path.split('/').collect();
                for i in 1..parts.len() {
                    let d = parts[..i].join("/");
                    if !made.contains(&d) {
                        root.create_dir(&d)
                            .map_err(|e| format!("`{d}`: cannot create the directory: {e}"))?;
                        made.push(d);
                    }
                }
                let mut f = root
                    .create_file(path)
                    .map_err(|e| format!("`{path}`: {e}"))?;
                f.write_all(data).map_err(|e| {
                    if e.kind() == std::io::ErrorKind::Other || e.to_string().contains("space") {
                        format!("`{path}`: the FAT volume of {size:#x} bytes is full ({e})")
                    } else {
                        format!("`{path}`: {e}")
                    }
                })?;
                f.flush().map_err(|e| format!("`{path}`: {e}"))?;
            }
        }
        fs.unmount()
            .map_err(|e| format!("cannot finish the FAT volume: {e}"))?;
    }
    Ok(disk.into_inner())
}

/// Whether the bytes start like a FAT boot sector (jump instruction and `55 aa` signature).
pub fn looks_like(bytes: &[u8]) -> bool {
    bytes.len() >= 512
        && matches!(bytes[0], 0xeb | 0xe9)
        && bytes[510] == 0x55
        && bytes[511] == 0xaa
}

/// Lists a FAT volume: files with contents, directories as `path/`.
pub fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    check_layout(bytes)?;
    let fs = FileSystem::new(Cursor::new(bytes.to_vec()), FsOptions::new())
        .map_err(|e| format!("not a FAT volume: {e}"))?;
    let mut out = Vec::new();
    walk(&fs.root_dir(), "", &mut out, 0)?;
    Ok(out)
}

/// Checks that the boot sector's region sizes add up within 32 bits before `fatfs` sees it: `fatfs` computes
/// `fats × sectors per FAT + reserved + root directory` in `u32` and overflows on a corrupt boot sector (found by
/// the `image_readers` fuzz target), and the FAT's entry count (sectors × bytes × 8) likewise.
fn check_layout(bytes: &[u8]) -> Result<(), String> {
    if bytes.len() < 512 {
        return Err(format!("not a FAT volume: {:#x} bytes is shorter than a boot sector", bytes.len()));
    }
    let u16_at = |at: usize| u64::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
    let u32_at = |at: usize| u64::from(u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]));
    let bytes_per_sector = u16_at(0x0b).max(1);
    let reserved = u16_at(0x0e);
    let fats = u64::from(bytes[0x10]);
    let root_dir_sectors = (u16_at(0x11) * 32).div_ceil(bytes_per_sector);
    let per_fat = match u16_at(0x16) {
        0 => u32_at(0x24),
        n => n,
    };
    if per_fat * bytes_per_sector * 8 > u64::from(u32::MAX) {
        return Err(format!(
            "not a FAT volume: a FAT of {per_fat:#x} sectors of {bytes_per_sector} bytes (0x16/0x24, 0x0b) has more \
             entries than 32 bits count"
        ));
    }
    let data_start = reserved + fats * per_fat + root_dir_sectors;
    if data_start > u64::from(u32::MAX) {
        return Err(format!(
            "not a FAT volume: its data region would start at sector {data_start:#x} ({fats} FATs of {per_fat:#x} \
             sectors at 0x10 and 0x16/0x24), past 32-bit sector numbers"
        ));
    }
    Ok(())
}

fn walk<T: fatfs::ReadWriteSeek>(
    dir: &fatfs::Dir<'_, T>,
    prefix: &str,
    out: &mut Vec<(String, Vec<u8>)>,
    depth: usize,
) -> Result<(), String> {
    if depth > 32 {
        return Err("FAT directories nest too deeply".to_string());
    }
    for e in dir.iter() {
        let e = e.map_err(|e| format!("cannot read a FAT directory: {e}"))?;
        let name = e.file_name();
        if name == "." || name == ".." {
            continue;
        }
        let path = format!("{prefix}{name}");
        if e.is_dir() {
            out.push((format!("{path}/"), Vec::new()));
            walk(&e.to_dir(), &format!("{path}/"), out, depth + 1)?;
        } else {
            let mut data = Vec::new();
            e.to_file()
                .read_to_end(&mut data)
                .map_err(|err| format!("`{path}`: {err}"))?;
            out.push((path, data));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let files = vec![
            ("main.py".to_string(), b"print(1)\n".to_vec()),
            ("lib/pkg/mod.mpy".to_string(), vec![9; 3000]),
        ];
        let img = build(224 * 512, 512, &files).unwrap();
        assert!(looks_like(&img));
        let back = read(&img).unwrap();
        let only: Vec<_> = back
            .into_iter()
            .filter(|(p, _)| !p.ends_with('/'))
            .collect();
        assert_eq!(only, files);
        assert!(build(8 * 512, 512, &[("big".to_string(), vec![0; 100_000])]).is_err());
        assert!(read(&[0u8; 1024]).is_err());
    }

    /// Found by the `image_readers` fuzz target: a boot sector whose FATs are larger than 32-bit sector
    /// numbers made `fatfs` overflow (a panic with overflow checks); it is an error naming the fields.
    #[test]
    fn fat_region_past_32_bits_is_an_error() {
        let mut img = build(224 * 512, 512, &[]).unwrap();
        img[0x10] = 2;
        img[0x16..0x18].copy_from_slice(&[0, 0]);
        img[0x24..0x28].copy_from_slice(&[0xff; 4]);
        let e = read(&img).unwrap_err();
        assert!(e.contains("a FAT of 0xffffffff sectors of 512 bytes"), "{e}");
        img[0x0b..0x0d].copy_from_slice(&[1, 0]);
        img[0x24..0x28].copy_from_slice(&[0, 0, 0, 0x10]);
        img[0x10] = 0xff;
        let e = read(&img).unwrap_err();
        assert!(e.contains("255 FATs of 0x10000000 sectors") && e.contains("past 32-bit"), "{e}");
    }
}
