//! The architecture of each board of mpbuild's board table (`toolchain/boards/boards.toml`), read from the
//! same file: enough for the editor to know the `-march` of `[target] board` without the toolchain.
//! `mpbuild` itself reads the whole table (`mpbuild::boards`); a test there checks both agree.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

const TABLE: &str = include_str!("../../boards/boards.toml");

#[derive(Deserialize)]
struct Table {
    board: Vec<Board>,
}

#[derive(Deserialize)]
struct Board {
    id: String,
    arch: String,
    #[serde(default)]
    variants: BTreeMap<String, Variant>,
}

#[derive(Deserialize)]
struct Variant {
    arch: Option<String>,
}

fn boards() -> &'static [Board] {
    static CELL: OnceLock<Vec<Board>> = OnceLock::new();
    CELL.get_or_init(|| toml::from_str::<Table>(TABLE).map(|t| t.board).unwrap_or_default())
}

/// Every board ID with its variants (`None` for the board itself).
pub fn all() -> Vec<(&'static str, Option<&'static str>)> {
    let mut out = Vec::new();
    for b in boards() {
        out.push((b.id.as_str(), None));
        out.extend(b.variants.keys().map(|v| (b.id.as_str(), Some(v.as_str()))));
    }
    out
}

/// The `-march` of board `id` (case-insensitive), with `variant` applied (also spelled `ID-VARIANT`);
/// `None` for an unknown board or variant.
pub fn arch_of(id: &str, variant: Option<&str>) -> Option<&'static str> {
    let (id, variant) = match (variant, id.split_once('-')) {
        (None, Some((b, v))) => (b, Some(v)),
        _ => (id, variant),
    };
    let b = boards().iter().find(|b| b.id.eq_ignore_ascii_case(id))?;
    match variant {
        None => Some(b.arch.as_str()),
        Some(v) => Some(b.variants.get(v)?.arch.as_deref().unwrap_or(b.arch.as_str())),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_parses_and_names_architectures() {
        assert!(super::all().len() > 5);
        assert_eq!(super::arch_of("RPI_PICO", None), Some("armv6m"));
        assert_eq!(super::arch_of("rpi_pico2-RISCV", None), Some("rv32imc"));
        assert_eq!(super::arch_of("NOPE", None), None);
    }
}
