//! The compilation target: resolved from `[target]` (a board ID, or an explicit arch and MicroPython/.mpy
//! version) into the flags that change the `.mpy` bytes.

use mpy_vm::Arch;
use serde::Serialize;

use crate::boards::{self, Board};
use crate::config::TargetConfig;
use crate::error::{Error, Result};

/// What every `.mpy` of a build is compiled for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Target {
    /// `-march`; `None` for bytecode-only targets.
    #[serde(serialize_with = "ser_arch")]
    pub arch: Option<Arch>,
    /// `-march-flags` as header bits (RISC-V: bit 0 zba, bit 1 zcmp).
    pub arch_flags: u32,
    /// `-msmall-int-bits`.
    pub small_int_bits: u8,
    /// `.mpy` (version, sub-version) the firmware loads.
    pub mpy: (u8, u8),
    /// The board, when the target names one.
    pub board: Option<Board>,
}

fn ser_arch<S: serde::Serializer>(a: &Option<Arch>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match a {
        Some(a) => s.serialize_some(a.name()),
        None => s.serialize_none(),
    }
}

/// The `.mpy` version mpbuild writes.
pub const MPY_WRITTEN: (u8, u8) = (6, 3);

impl Default for Target {
    fn default() -> Self {
        Target { arch: None, arch_flags: 0, small_int_bits: 31, mpy: MPY_WRITTEN, board: None }
    }
}

/// Maps a MicroPython release to its `.mpy` version (`py/persistentcode.h` history).
pub fn mpy_for_micropython(version: &str) -> Option<(u8, u8)> {
    let mut it = version.trim_start_matches('v').split('.');
    let major: u32 = it.next()?.parse().ok()?;
    let minor: u32 = it.next()?.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()?;
    if major != 1 {
        return None;
    }
    Some(match minor {
        0..=11 => (4, 0),
        12..=18 => (5, 0),
        19 => (6, 0),
        20..=21 => (6, 1),
        22 => (6, 2),
        _ => (6, 3),
    })
}

/// Parses `"6.3"`.
pub fn parse_mpy(s: &str) -> Option<(u8, u8)> {
    let (a, b) = s.split_once('.')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// Parses RISC-V extension names into header bits.
pub fn arch_flag_bits(flags: &[String]) -> Result<u32> {
    let mut bits = 0;
    for f in flags {
        bits |= match f.as_str() {
            "zba" => 1,
            "zcmp" => 2,
            other => {
                return Err(Error::Target {
                    message: format!("unknown arch flag `{other}`"),
                    help: "the RISC-V flags mpy-cross knows are `zba` and `zcmp`".to_string(),
                })
            }
        };
    }
    Ok(bits)
}

impl Target {
    /// Resolves `[target]`.
    pub fn resolve(cfg: &TargetConfig) -> Result<Target> {
        let mut t = Target::default();
        if let Some(id) = &cfg.board {
            let board = boards::find(id, cfg.variant.as_deref())?;
            t.arch = Some(board.arch()?);
            t.arch_flags = arch_flag_bits(&board.arch_flags)?;
            t.mpy = parse_mpy(&board.mpy).unwrap_or(MPY_WRITTEN);
            t.board = Some(board);
        } else if cfg.variant.is_some() {
            return Err(Error::Target {
                message: "`target.variant` needs `target.board`".to_string(),
                help: "add `board = \"...\"` to [target]".to_string(),
            });
        }
        if let Some(a) = &cfg.arch {
            t.arch = if a == "none" {
                None
            } else {
                Some(Arch::from_name(a).ok_or_else(|| Error::Target {
                    message: format!("unknown arch `{a}`"),
                    help: format!(
                        "one of: none, {}",
                        Arch::ALL.iter().filter(|a| **a != Arch::Debug).map(|a| a.name()).collect::<Vec<_>>().join(", ")
                    ),
                })?)
            };
        }
        if let Some(f) = &cfg.arch_flags {
            t.arch_flags = arch_flag_bits(f)?;
        }
        if let Some(v) = &cfg.micropython {
            t.mpy = mpy_for_micropython(v).ok_or_else(|| Error::Target {
                message: format!("cannot tell the .mpy version of MicroPython `{v}`"),
                help: "write the release as `1.29`, or give `mpy = \"6.3\"` instead".to_string(),
            })?;
        }
        if let Some(v) = &cfg.mpy {
            t.mpy = parse_mpy(v).ok_or_else(|| Error::Target {
                message: format!("`{v}` is not a .mpy version"),
                help: "write it as `6.3`".to_string(),
            })?;
        }
        if let Some(b) = cfg.small_int_bits {
            t.small_int_bits = b;
        }
        t.check_version(false)?;
        Ok(t)
    }

    /// Refuses targets whose firmware cannot load what we write. Bytecode-only `.mpy` files load on any 6.x
    /// firmware (the loader checks the sub-version only when native code is present); native code needs 6.3.
    pub fn check_version(&self, has_native: bool) -> Result<()> {
        let (v, s) = self.mpy;
        if v != MPY_WRITTEN.0 || (has_native && s != MPY_WRITTEN.1) {
            return Err(Error::Target {
                message: format!(
                    "the target loads .mpy {v}.{s}, but mpbuild writes {}.{}{}",
                    MPY_WRITTEN.0,
                    MPY_WRITTEN.1,
                    if v == MPY_WRITTEN.0 { " for native code" } else { "" }
                ),
                help: "update the board's firmware to MicroPython 1.23 or later (mpbuild matches mpy-cross 1.29)"
                    .to_string(),
            });
        }
        Ok(())
    }

    /// A one-line description (`armv6m, mpy 6.3 (RPI_PICO)`).
    pub fn describe(&self) -> String {
        let arch = self.arch.map_or("bytecode only", Arch::name);
        match &self.board {
            Some(b) => format!("{arch}, mpy {}.{} ({})", self.mpy.0, self.mpy.1, b.full_id()),
            None => format!("{arch}, mpy {}.{}", self.mpy.0, self.mpy.1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert_eq!(mpy_for_micropython("1.29"), Some((6, 3)));
        assert_eq!(mpy_for_micropython("v1.22.2"), Some((6, 2)));
        assert_eq!(mpy_for_micropython("1.19.1"), Some((6, 0)));
        assert_eq!(mpy_for_micropython("2.0"), None);
    }

    #[test]
    fn board_target() {
        let t = Target::resolve(&TargetConfig { board: Some("RPI_PICO".into()), ..Default::default() }).unwrap();
        assert_eq!(t.arch, Some(Arch::Armv6m));
        let t = Target::resolve(&TargetConfig {
            board: Some("RPI_PICO".into()),
            arch: Some("none".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(t.arch, None);
    }

    #[test]
    fn old_firmware_refused_for_native_only() {
        let t = Target::resolve(&TargetConfig { micropython: Some("1.22".into()), ..Default::default() }).unwrap();
        assert!(t.check_version(false).is_ok());
        assert!(t.check_version(true).is_err());
        assert!(Target::resolve(&TargetConfig { micropython: Some("1.18".into()), ..Default::default() }).is_err());
    }
}
