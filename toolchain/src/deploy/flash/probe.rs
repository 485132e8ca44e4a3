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

/// Checks a chip name against probe-rs's built-in target list, suggesting close names.
#[cfg(feature = "probe-rs")]
pub fn check_chip(chip: &str) -> Result<String> {
    let registry = probe_rs::config::Registry::from_builtin_families();
    match registry.get_target_by_name(chip) {
        Ok(t) => Ok(t.name),
        Err(_) => {
            let mut close = registry.search_chips(chip);
            close.truncate(8);
            Err(DeployError::usage(
                format!("probe-rs does not know the chip `{chip}`"),
                if close.is_empty() {
                    "see `probe-rs chip list` for the names (RP2040, RP235x, STM32F405RGTx, nRF52840_xxAA, ...)".to_string()
                } else {
                    format!("did you mean one of: {}", close.join(", "))
                },
            ))
        }
    }
}

/// Downloads `image` through a debug probe with probe-rs: opens the probe (the `--probe` one, else the only
/// one attached), attaches to `chip`, erases and programs the flash, reporting progress.
#[cfg(feature = "probe-rs")]
pub fn flash(
    chip: &str,
    probe: Option<&str>,
    kind: ImageKind,
    base: Option<u64>,
    image: &[u8],
    progress: &dyn crate::deploy::progress::DeployProgress,
) -> Result<super::FlashReport> {
    use crate::deploy::progress::{DeployEvent, DeployOp};
    use probe_rs::flashing::{self, BinOptions, DownloadOptions, FlashProgress, ProgressEvent, ProgressOperation};
    use probe_rs::probe::list::Lister;
    use probe_rs::probe::DebugProbeSelector;
    use probe_rs::Permissions;

    let target = check_chip(chip)?;
    let Some(format) = format_for(kind) else {
        return Err(DeployError::usage("ESP images are written with espflash, not a debug probe", "drop --method probe"));
    };
    let lister = Lister::new();
    let probes = lister.list_all();
    let probe = match probe {
        Some(sel) => {
            let s = parse_selector(sel)?;
            let sel_text = sel.to_string();
            let sel = DebugProbeSelector { vendor_id: s.vid, product_id: s.pid, interface: None, serial_number: s.serial };
            lister.open(sel).map_err(|e| DeployError::Flash { message: format!("cannot open the debug probe {sel_text}: {e}"), help: "check `mpbuild flash --plan` and that the probe is plugged in and not used by another program".into() })?
        }
        None => match probes.as_slice() {
            [] => {
                return Err(DeployError::Flash {
                    message: format!("no debug probe found to flash {target}"),
                    help: "plug in a debug probe (CMSIS-DAP, ST-Link, J-Link, Raspberry Pi Debug Probe) wired to the board's SWD pins; RP2 boards without one can use the UF2 drive instead".into(),
                })
            }
            [one] => one.open().map_err(|e| DeployError::Flash { message: format!("cannot open the debug probe {}: {e}", one.identifier), help: "check the probe's USB permissions (udev rules on Linux)".into() })?,
            many => {
                return Err(DeployError::Flash {
                    message: format!("{} debug probes are attached", many.len()),
                    help: format!(
                        "choose one with --probe VID:PID[:SERIAL]: {}",
                        many.iter().map(|p| format!("{:04x}:{:04x}{}", p.vendor_id, p.product_id, p.serial_number.as_deref().map_or(String::new(), |s| format!(":{s}")))).collect::<Vec<_>>().join(", ")
                    ),
                })
            }
        },
    };
    let mut session = probe.attach(target.as_str(), Permissions::default()).map_err(|e| DeployError::Flash {
        message: format!("cannot attach to {target}: {e}"),
        help: "check the SWD wiring and power, or try holding the board in reset".into(),
    })?;
    let tmp = tempfile::NamedTempFile::new().map_err(|e| DeployError::local("create", std::env::temp_dir(), e))?;
    std::fs::write(tmp.path(), image).map_err(|e| DeployError::local("write", tmp.path(), e))?;
    let mut opts = DownloadOptions::default();
    opts.verify = true;
    opts.progress = FlashProgress::new(move |ev| {
        let op = |o: &ProgressOperation| match o {
            ProgressOperation::Erase => DeployOp::Erase,
            ProgressOperation::Verify => DeployOp::Verify,
            _ => DeployOp::Program,
        };
        match ev {
            ProgressEvent::AddProgressBar { operation, total } => {
                progress.event(DeployEvent::Started { op: op(&operation), total: total.unwrap_or(0), label: target.clone() })
            }
            ProgressEvent::Progress { operation, size, .. } => progress.event(DeployEvent::Item { op: op(&operation), path: format!("+{size}"), action: "page".into() }),
            ProgressEvent::Finished(operation) | ProgressEvent::Failed(operation) => progress.event(DeployEvent::Finished { op: op(&operation) }),
            _ => {}
        }
    });
    let result = match format {
        ProbeFormat::Bin => flashing::download_file_with_options(&mut session, tmp.path(), flashing::BinLoader(BinOptions { base_address: base, skip: 0 }), opts),
        ProbeFormat::Elf => flashing::download_file_with_options(&mut session, tmp.path(), flashing::ElfLoader(Default::default()), opts),
        ProbeFormat::Hex => flashing::download_file_with_options(&mut session, tmp.path(), flashing::HexLoader, opts),
        ProbeFormat::Uf2 => flashing::download_file_with_options(&mut session, tmp.path(), flashing::Uf2Loader, opts),
    };
    result.map_err(|e| DeployError::Flash { message: format!("flashing {chip} failed: {e}"), help: "check the image is for this chip and the address range is flash".into() })?;
    Ok(super::FlashReport::Probe { chip: chip.to_string(), bytes: image.len() as u64 })
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
