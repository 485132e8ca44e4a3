//! The base firmware file of `mpbuild image`: recognised by its bytes (UF2, ELF, Intel HEX, ESP32 merged
//! `.bin`, raw `.bin`), decoded into flash segments, and checked against the board (UF2 family, ESP chip,
//! addresses inside the board's flash).

use std::path::Path;

use serde::Serialize;

use super::segments::Segments;
use super::{elf, esp, hexfile, uf2};
use crate::boards::Board;

/// The kind of a firmware file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Uf2,
    Hex,
    Elf,
    /// An ESP32-family merged image starting at the bootloader offset.
    EspBin,
    /// Raw bytes for the board's flash base.
    Bin,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Uf2 => "UF2",
            Format::Hex => "Intel HEX",
            Format::Elf => "ELF",
            Format::EspBin => "ESP32 merged .bin",
            Format::Bin => "raw .bin",
        }
    }

    /// The natural output format for a base of this format (ELF has no output: HEX instead).
    pub fn output(self) -> Format {
        match self {
            Format::Elf => Format::Hex,
            f => f,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Uf2 => "uf2",
            Format::Hex | Format::Elf => "hex",
            Format::EspBin | Format::Bin => "bin",
        }
    }
}

/// A decoded base firmware.
#[derive(Clone, Debug)]
pub struct Base {
    pub format: Format,
    pub segments: Segments,
    /// UF2 blocks, kept for a faithful re-write.
    pub uf2_blocks: Vec<uf2::Block>,
    /// HEX start-address records.
    pub hex_start: Vec<ihex::Record>,
    /// ESP: the chip named by the image header and the flash offset of file byte 0.
    pub esp_chip: Option<crate::deploy::flash::esp::EspChip>,
    pub file_offset: u64,
}

/// Why a base file was refused: a message and a help line.
pub type Refusal = (String, String);

/// Recognises the format from the bytes (and the extension, for text HEX).
pub fn detect(path: &Path, bytes: &[u8]) -> Option<Format> {
    if uf2::looks_like(bytes) {
        return Some(Format::Uf2);
    }
    if elf::looks_like(bytes) {
        return Some(Format::Elf);
    }
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    if bytes.first() == Some(&b':') || ext == "hex" || ext == "ihex" {
        return Some(Format::Hex);
    }
    if bytes.first() == Some(&0xE9) && bytes.len() >= 24 {
        return Some(Format::EspBin);
    }
    if ext == "bin" {
        return Some(Format::Bin);
    }
    None
}

/// Reads and checks the base for `board`.
pub fn load(path: &Path, bytes: &[u8], board: &Board) -> Result<Base, Refusal> {
    let name = path.display().to_string();
    let Some(format) = detect(path, bytes) else {
        return Err((
            format!("{name} is not a firmware file mpbuild reads (UF2, Intel HEX, ELF or .bin)"),
            "pass the .uf2/.hex/.bin/.elf firmware of a MicroPython release".to_string(),
        ));
    };
    let bad = |m: String| (format!("{name}: {m}"), format!("pass an unmodified {} firmware file for {}", format.name(), board.full_id()));
    let mut base = Base { format, segments: Segments::new(), uf2_blocks: Vec::new(), hex_start: Vec::new(), esp_chip: None, file_offset: 0 };
    match format {
        Format::Uf2 => {
            let blocks = uf2::parse(bytes).map_err(|m| bad(format!("not a valid UF2 file: {m}")))?;
            base.segments = uf2::segments(&blocks).map_err(bad)?;
            base.uf2_blocks = blocks;
        }
        Format::Hex => {
            let text = std::str::from_utf8(bytes).map_err(|e| bad(format!("not Intel HEX text (byte {:#x} is not UTF-8)", e.valid_up_to())))?;
            let h = hexfile::parse(text).map_err(|m| bad(format!("not a valid Intel HEX file: {m}")))?;
            base.segments = h.segments;
            base.hex_start = h.start;
        }
        Format::Elf => base.segments = elf::parse(bytes).map_err(|m| bad(format!("not a usable ELF file: {m}")))?,
        Format::EspBin => {
            base.esp_chip = esp::chip_of(bytes);
            let chip = base.esp_chip.ok_or_else(|| bad(format!("unknown ESP chip ID {} in the image header (bytes 0xc..0xe)", u16::from_le_bytes([bytes[12], bytes[13]]))))?;
            base.file_offset = u64::from(chip.bootloader_offset());
            base.segments.insert(base.file_offset, bytes).map_err(|o| bad(o.to_string()))?;
        }
        Format::Bin => {
            base.file_offset = board.flash_base.unwrap_or(0);
            base.segments.insert(base.file_offset, bytes).map_err(|o| bad(o.to_string()))?;
        }
    }
    check_board(&name, &base, board)?;
    Ok(base)
}

/// Refuses a base built for another chip: UF2 families, the ESP chip, addresses outside the board's flash.
fn check_board(name: &str, base: &Base, board: &Board) -> Result<(), Refusal> {
    let other = |m: String| (format!("{name} is not firmware for {} ({}): {m}", board.full_id(), board.mcu), "download the firmware built for this board, or pass the right --board".to_string());
    if base.format == Format::Uf2 {
        if board.uf2_families.is_empty() {
            return Err(other(format!("the board table has no UF2 family for {}, so UF2 images are not built for it", board.mcu)));
        }
        for (fam, _) in uf2::families(&base.uf2_blocks) {
            match fam {
                Some(uf2::RP2XXX_ABSOLUTE | uf2::RP2XXX_DATA) => {}
                Some(f) if board.uf2_families.contains(&f) => {}
                Some(f) => {
                    let want: Vec<String> = board.uf2_families.iter().map(|f| uf2::family_name(*f)).collect();
                    return Err(other(format!("its blocks are for family {}, the board needs {}", uf2::family_name(f), want.join(" or "))));
                }
                None => {}
            }
        }
    }
    if base.format == Format::EspBin {
        let want = esp::chip_for_mcu(&board.mcu);
        if let (Some(have), Some(want)) = (base.esp_chip, want) {
            if have != want {
                return Err(other(format!("its image header (chip ID at bytes 0xc..0xe) names {}, not {}", have.name(), want.name())));
            }
        }
        if want.is_none() {
            return Err(other(format!("it is an ESP32-family image and {} is not an ESP32-family chip", board.mcu)));
        }
    }
    if let (Some(fb), Some(size), Some((lo, hi))) = (board.flash_base, board.flash_bytes, base.segments.span()) {
        // Bytes outside main flash (RP2350's absolute block, nRF UICR) are allowed; the firmware must start in flash.
        let first_in = base.segments.runs().any(|(a, _)| a >= fb && a < fb + size);
        if !first_in {
            return Err(other(format!("its data spans {lo:#010x}..{hi:#010x}, outside the board's flash {fb:#010x}..{:#010x}", fb + size)));
        }
    }
    Ok(())
}
