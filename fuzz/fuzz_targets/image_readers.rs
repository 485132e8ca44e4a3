//! Fuzz target: the firmware-image readers behind `mpbuild image` and `--inspect` on arbitrary bytes. The
//! first byte picks the reader: the whole `--inspect` pipeline (format detection, UF2/HEX/ELF/ESP loading,
//! partition table, filesystem scan), or one reader alone (UF2, Intel HEX, ELF, ESP partition table,
//! ROMFS, littlefs, FAT). Each gives a value or an error message, never a panic or unbounded memory.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use mpbuild::image::{elf, esp, fat, hexfile, inspect, littlefs, romfs, uf2};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else { return };
    match sel % 8 {
        0 => {
            let name = ["fw.uf2", "fw.hex", "fw.bin", "fw.elf"][usize::from(sel >> 3) % 4];
            if let Ok(i) = inspect::inspect(Path::new(name), bytes, None) {
                let _ = format!("{i:?}");
            }
        }
        1 => {
            if let Ok(blocks) = uf2::parse(bytes) {
                let _ = uf2::segments(&blocks);
                let _ = uf2::families(&blocks);
                let _ = uf2::numbered_globally(&blocks);
            }
        }
        2 => {
            let _ = hexfile::parse(&String::from_utf8_lossy(bytes));
        }
        3 => {
            let _ = elf::parse(bytes);
        }
        4 => {
            if let Ok(t) = esp::parse_table(bytes) {
                // A table we read must write back (the image builder rewrites tables it carved).
                let again = esp::write_table(&t.parts);
                if let Ok(b) = again {
                    let t2 = esp::parse_table(&b).unwrap_or_else(|e| panic!("a table we wrote does not read back: {e}"));
                    assert_eq!(t.parts.len(), t2.parts.len());
                }
            }
        }
        5 => {
            let _ = romfs::parse_image(bytes);
        }
        6 => {
            let _ = littlefs::looks_like(bytes);
            let _ = littlefs::read(bytes);
        }
        _ => {
            let _ = fat::looks_like(bytes);
            let _ = fat::read(bytes);
        }
    }
});
