//! Debug-probe flashing (SWD/JTAG: STM32, nRF, RP2 through a debug probe): the probe selector and image
//! format of a probe-rs download. The download itself is probe-rs's (see `flash::run`, when built
//! with the `probe-rs` feature).

use serde::Serialize;

use super::ImageKind;
use crate::deploy::error::{DeployError, Result};

/// A `--probe VID:PID[:SERIAL]` selector.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProbeSelector {
    pub vid: u16,
    pub pid: u16,
    pub serial: Option<String>,
}

/// Parses `VID:PID[:SERIAL]` (hex IDs, as probe-rs prints them).
pub fn parse_selector(s: &str) -> Result<ProbeSelector> {
    let bad = || DeployError::usage(format!("bad probe selector `{s}`"), "write it as VID:PID or VID:PID:SERIAL in hex, e.g. 2e8a:000c");
    let mut it = s.splitn(3, ':');
    let vid = u16::from_str_radix(it.next().ok_or_else(bad)?, 16).map_err(|_| bad())?;
    let pid = u16::from_str_radix(it.next().ok_or_else(bad)?, 16).map_err(|_| bad())?;
    let serial = it.next().filter(|s| !s.is_empty()).map(str::to_string);
    Ok(ProbeSelector { vid, pid, serial })
}

/// How probe-rs should read the image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProbeFormat {
    Elf,
    Hex,
    Bin,
    Uf2,
}

/// The probe-rs format for an image kind (`None` for ESP images, which probe-rs does not take as such).
pub fn format_for(kind: ImageKind) -> Option<ProbeFormat> {
    match kind {
        ImageKind::Elf => Some(ProbeFormat::Elf),
        ImageKind::IntelHex => Some(ProbeFormat::Hex),
        ImageKind::RawBin => Some(ProbeFormat::Bin),
        ImageKind::Uf2 => Some(ProbeFormat::Uf2),
        ImageKind::EspBin => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors() {
        assert_eq!(parse_selector("2e8a:000c").unwrap(), ProbeSelector { vid: 0x2e8a, pid: 0x000c, serial: None });
        assert_eq!(parse_selector("0483:3748:ABC:1").unwrap().serial.as_deref(), Some("ABC:1"));
        assert!(parse_selector("nope").is_err());
        assert!(parse_selector("2e8a").is_err());
    }
}

/// Downloads `image` through a debug probe with probe-rs (feature `probe-rs`).
#[cfg(not(feature = "probe-rs"))]
pub fn flash(
    chip: &str,
    _probe: Option<&str>,
    _kind: ImageKind,
    _base: Option<u64>,
    _image: &[u8],
    _progress: &dyn crate::deploy::progress::DeployProgress,
) -> Result<super::FlashReport> {
    Err(DeployError::Unsupported {
        what: format!("this mpbuild was built without probe-rs, so it cannot flash {chip} through a debug probe"),
        help: "rebuild with `cargo install mpbuild --features probe-rs`, or use probe-rs download".into(),
    })
}
