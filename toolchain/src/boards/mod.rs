//! The board table as data (`toolchain/boards/boards.toml`): board ID → port, MCU, arch, `.mpy` version,
//! firmware format and flash layout, each fact with its source.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use mpy_vm::Arch;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

const TABLE: &str = include_str!("../../boards/boards.toml");

/// One board (with a variant applied, if any).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Board {
    pub id: String,
    /// Variant name when one was applied (`ESP8266_GENERIC-FLASH_2M_ROMFS`).
    #[serde(default)]
    pub variant: Option<String>,
    pub port: String,
    pub mcu: String,
    /// The `-march` the port's freeze uses.
    pub arch: String,
    /// What the firmware reports in `sys.implementation._mpy`, when it differs from `arch`.
    #[serde(default)]
    pub device_arch: Option<String>,
    #[serde(default)]
    pub arch_flags: Vec<String>,
    pub mpy: String,
    pub firmware_format: String,
    #[serde(default)]
    pub firmware_offset: Option<u64>,
    #[serde(default)]
    pub flash_bytes: Option<u64>,
    #[serde(default)]
    pub filesystem_offset: Option<u64>,
    #[serde(default)]
    pub filesystem_bytes: Option<u64>,
    #[serde(default)]
    pub romfs_offset: Option<u64>,
    /// Size of ROMFS partition 0; `Some(0)` means the default firmware has none.
    #[serde(default)]
    pub romfs_bytes: Option<u64>,
    /// Address of flash offset 0 in firmware files (XIP base on rp2, 0x08000000 on stm32, 0 on esp32/nrf).
    /// `filesystem_offset` and `romfs_offset` are addresses in this space.
    #[serde(default)]
    pub flash_base: Option<u64>,
    /// The filesystem the port mounts on `filesystem_offset` (`littlefs2` or `fat`).
    #[serde(default)]
    pub filesystem: Option<String>,
    /// Block size of that filesystem (the block device's erase unit or sector).
    #[serde(default)]
    pub filesystem_block_size: Option<u64>,
    /// UF2 family IDs the board's bootloader accepts for firmware.
    #[serde(default)]
    pub uf2_families: Vec<u32>,
    /// Field name → where the fact comes from.
    #[serde(default)]
    pub source: BTreeMap<String, String>,
    #[serde(default, skip_serializing)]
    pub variants: BTreeMap<String, VariantPatch>,
}

/// Fields a variant overrides.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct VariantPatch {
    pub arch: Option<String>,
    pub arch_flags: Option<Vec<String>>,
    pub flash_bytes: Option<u64>,
    pub filesystem_bytes: Option<u64>,
    pub romfs_offset: Option<u64>,
    pub romfs_bytes: Option<u64>,
    pub uf2_families: Option<Vec<u32>>,
    #[serde(default)]
    pub source: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    board: Vec<Board>,
}

/// The whole table, parsed once. The table is part of the binary and checked by tests, so a parse failure
/// here is a build defect; it is still reported as an error rather than a panic.
pub fn all() -> Result<&'static [Board]> {
    static CELL: OnceLock<Result<Vec<Board>, String>> = OnceLock::new();
    let parsed = CELL.get_or_init(|| toml::from_str::<Table>(TABLE).map(|t| t.board).map_err(|e| e.to_string()));
    match parsed {
        Ok(v) => Ok(v.as_slice()),
        Err(e) => Err(Error::Target {
            message: format!("the built-in board table is invalid: {e}"),
            help: "this is a bug in mpbuild; please report it".to_string(),
        }),
    }
}

/// Looks up `id`, optionally with a variant (`ESP8266_GENERIC` + `FLASH_2M_ROMFS`, or the combined
/// spelling `ESP8266_GENERIC-FLASH_2M_ROMFS`).
pub fn find(id: &str, variant: Option<&str>) -> Result<Board> {
    let (id, variant) = match (variant, id.split_once('-')) {
        (None, Some((b, v))) => (b, Some(v)),
        _ => (id, variant),
    };
    let boards = all()?;
    let Some(board) = boards.iter().find(|b| b.id.eq_ignore_ascii_case(id)) else {
        return Err(Error::UnknownBoard { board: id.to_string(), help: suggest(id, boards) });
    };
    let mut b = board.clone();
    if let Some(v) = variant {
        let Some(p) = board.variants.get(v) else {
            let known: Vec<&str> = board.variants.keys().map(String::as_str).collect();
            return Err(Error::UnknownBoard {
                board: format!("{}-{v}", board.id),
                help: if known.is_empty() {
                    format!("{} has no variants in the board table", board.id)
                } else {
                    format!("variants of {}: {}", board.id, known.join(", "))
                },
            });
        };
        apply(&mut b, v, p);
    }
    b.variants.clear();
    Ok(b)
}

fn apply(b: &mut Board, name: &str, p: &VariantPatch) {
    b.variant = Some(name.to_string());
    if let Some(a) = &p.arch {
        b.arch.clone_from(a);
        b.device_arch = None;
    }
    if let Some(f) = &p.arch_flags {
        b.arch_flags.clone_from(f);
    }
    b.flash_bytes = p.flash_bytes.or(b.flash_bytes);
    b.filesystem_bytes = p.filesystem_bytes.or(b.filesystem_bytes);
    b.romfs_offset = p.romfs_offset.or(b.romfs_offset);
    b.romfs_bytes = p.romfs_bytes.or(b.romfs_bytes);
    if let Some(f) = &p.uf2_families {
        b.uf2_families.clone_from(f);
    }
    for (k, v) in &p.source {
        b.source.insert(k.clone(), format!("variant {name}: {v}"));
    }
}

fn suggest(id: &str, boards: &[Board]) -> String {
    let up = id.to_ascii_uppercase();
    let close: Vec<&str> = boards
        .iter()
        .filter(|b| b.id.contains(&up) || up.contains(&b.id) || b.id.split('_').any(|p| p.len() > 2 && up.contains(p)))
        .map(|b| b.id.as_str())
        .collect();
    if close.is_empty() {
        "run `mpbuild boards` to list the known boards, or give `arch` and `micropython` in [target] instead"
            .to_string()
    } else {
        format!("did you mean {}? (`mpbuild boards` lists them all)", close.join(", "))
    }
}

impl Board {
    /// The arch the port freezes with.
    pub fn arch(&self) -> Result<Arch> {
        Arch::from_name(&self.arch).ok_or_else(|| Error::Target {
            message: format!("board {} names unknown arch `{}`", self.id, self.arch),
            help: "this is a bug in the board table; please report it".to_string(),
        })
    }

    /// The full name with its variant, as used on download pages (`ESP8266_GENERIC-FLASH_2M_ROMFS`).
    pub fn full_id(&self) -> String {
        match &self.variant {
            Some(v) => format!("{}-{v}", self.id),
            None => self.id.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_every_fact_has_a_source() {
        let boards = all().expect("table parses");
        assert!(boards.len() >= 8);
        for b in boards {
            assert!(b.arch().is_ok(), "{}", b.id);
            let present = [
                ("arch", true),
                ("mpy", true),
                ("device_arch", b.device_arch.is_some()),
                ("firmware_offset", b.firmware_offset.is_some()),
                ("flash_bytes", b.flash_bytes.is_some()),
                ("filesystem_bytes", b.filesystem_bytes.is_some()),
                ("romfs_bytes", b.romfs_bytes.is_some()),
                ("flash_base", b.flash_base.is_some()),
                ("filesystem", b.filesystem.is_some()),
                ("filesystem_offset", b.filesystem_offset.is_some()),
                ("filesystem_block_size", b.filesystem_block_size.is_some()),
                ("uf2_families", !b.uf2_families.is_empty()),
            ];
            for (field, is_present) in present {
                if is_present {
                    assert!(b.source.contains_key(field), "{}: `{field}` has no source", b.id);
                }
            }
            for (name, v) in &b.variants {
                if v.romfs_bytes.is_some() || v.arch.is_some() {
                    assert!(!v.source.is_empty(), "{}-{name}: variant facts need a source", b.id);
                }
            }
        }
    }

    #[test]
    fn variants_apply() {
        let b = find("ESP8266_GENERIC-FLASH_2M_ROMFS", None).unwrap();
        assert_eq!(b.romfs_bytes, Some(320 * 1024));
        assert_eq!(b.full_id(), "ESP8266_GENERIC-FLASH_2M_ROMFS");
        let b = find("RPI_PICO2", Some("RISCV")).unwrap();
        assert_eq!(b.arch, "rv32imc");
        assert_eq!(b.arch_flags, ["zba", "zcmp"]);
    }

    #[test]
    fn unknown_board_suggests() {
        let e = find("PICO", None).unwrap_err();
        assert!(e.help_str().unwrap().contains("RPI_PICO"), "{:?}", e.help_str());
    }
}
