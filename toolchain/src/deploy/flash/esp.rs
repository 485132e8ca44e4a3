//! ESP32-family facts for flashing MicroPython images: chip names, the chip ID in the image header, and the
//! offset MicroPython's merged `.bin` goes to (the second-stage bootloader's address: 0x1000 on ESP32 and
//! ESP32-S2, 0x2000 on ESP32-C5 and ESP32-P4, 0 elsewhere; ports/esp32 `board.json` `deploy_options`).
//! The writing itself is espflash's (see `flash::run`).

use serde::Serialize;

/// An ESP chip espflash can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EspChip {
    Esp32,
    Esp32s2,
    Esp32s3,
    Esp32c2,
    Esp32c3,
    Esp32c5,
    Esp32c6,
    Esp32h2,
    Esp32p4,
}

impl EspChip {
    /// Every chip.
    pub const ALL: [EspChip; 9] = [
        EspChip::Esp32,
        EspChip::Esp32s2,
        EspChip::Esp32s3,
        EspChip::Esp32c2,
        EspChip::Esp32c3,
        EspChip::Esp32c5,
        EspChip::Esp32c6,
        EspChip::Esp32h2,
        EspChip::Esp32p4,
    ];

    /// The lower-case name espflash and esptool use.
    pub fn name(self) -> &'static str {
        match self {
            EspChip::Esp32 => "esp32",
            EspChip::Esp32s2 => "esp32s2",
            EspChip::Esp32s3 => "esp32s3",
            EspChip::Esp32c2 => "esp32c2",
            EspChip::Esp32c3 => "esp32c3",
            EspChip::Esp32c5 => "esp32c5",
            EspChip::Esp32c6 => "esp32c6",
            EspChip::Esp32h2 => "esp32h2",
            EspChip::Esp32p4 => "esp32p4",
        }
    }

    /// Parses a chip name (`esp32s3`, `ESP32-S3`, `esp32_s3`).
    pub fn from_name(s: &str) -> Option<EspChip> {
        let k: String = s.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        EspChip::ALL.into_iter().find(|c| c.name() == k)
    }

    /// The chip ID of the image header's extended part (`esp_chip_id_t`).
    pub fn image_chip_id(self) -> u16 {
        match self {
            EspChip::Esp32 => 0,
            EspChip::Esp32s2 => 2,
            EspChip::Esp32c3 => 5,
            EspChip::Esp32s3 => 9,
            EspChip::Esp32c2 => 12,
            EspChip::Esp32c6 => 13,
            EspChip::Esp32h2 => 16,
            EspChip::Esp32p4 => 18,
            EspChip::Esp32c5 => 23,
        }
    }

    /// Where a MicroPython merged image (bootloader first) is written.
    pub fn bootloader_offset(self) -> u32 {
        match self {
            EspChip::Esp32 | EspChip::Esp32s2 => 0x1000,
            EspChip::Esp32c5 | EspChip::Esp32p4 => 0x2000,
            _ => 0,
        }
    }
}

/// The chip an ESP image names in its extended header (byte 12, little-endian u16).
pub fn chip_from_image(bytes: &[u8]) -> Option<EspChip> {
    if bytes.first() != Some(&0xE9) || bytes.len() < 24 {
        return None;
    }
    let id = u16::from_le_bytes([bytes[12], bytes[13]]);
    EspChip::ALL.into_iter().find(|c| c.image_chip_id() == id)
}

/// The chip a MicroPython firmware file name implies (`ESP32_GENERIC_S3-...`, `ESP32_GENERIC-...`).
pub fn chip_from_name(upper_name: &str) -> Option<EspChip> {
    let n = upper_name.to_ascii_uppercase();
    let pairs = [
        ("_S3", EspChip::Esp32s3),
        ("_S2", EspChip::Esp32s2),
        ("_C2", EspChip::Esp32c2),
        ("_C3", EspChip::Esp32c3),
        ("_C5", EspChip::Esp32c5),
        ("_C6", EspChip::Esp32c6),
        ("_H2", EspChip::Esp32h2),
        ("_P4", EspChip::Esp32p4),
    ];
    if !n.contains("ESP32") {
        return None;
    }
    pairs.iter().find(|(k, _)| n.contains(k)).map(|(_, c)| *c).or(Some(EspChip::Esp32))
}


/// Writes `image` at `offset` with espflash (feature `espflash`).
#[cfg(not(feature = "espflash"))]
pub fn flash(
    chip: EspChip,
    _offset: u32,
    _port: Option<&str>,
    _image: &[u8],
    _progress: &dyn crate::deploy::progress::DeployProgress,
) -> crate::deploy::Result<super::FlashReport> {
    Err(crate::deploy::DeployError::Unsupported {
        what: format!("this mpbuild was built without espflash, so it cannot flash {}", chip.name()),
        help: "rebuild with `cargo install mpbuild --features espflash`, or use esptool".into(),
    })
}

/// espflash's chip for ours.
#[cfg(feature = "espflash")]
fn espflash_chip(c: EspChip) -> espflash::target::Chip {
    use espflash::target::Chip;
    match c {
        EspChip::Esp32 => Chip::Esp32,
        EspChip::Esp32s2 => Chip::Esp32s2,
        EspChip::Esp32s3 => Chip::Esp32s3,
        EspChip::Esp32c2 => Chip::Esp32c2,
        EspChip::Esp32c3 => Chip::Esp32c3,
        EspChip::Esp32c5 => Chip::Esp32c5,
        EspChip::Esp32c6 => Chip::Esp32c6,
        EspChip::Esp32h2 => Chip::Esp32h2,
        EspChip::Esp32p4 => Chip::Esp32p4,
    }
}

/// espflash progress callbacks forwarded as deploy events.
#[cfg(feature = "espflash")]
struct Callbacks<'a> {
    progress: &'a dyn crate::deploy::progress::DeployProgress,
    total: u64,
}

#[cfg(feature = "espflash")]
impl espflash::target::ProgressCallbacks for Callbacks<'_> {
    fn init(&mut self, addr: u32, total: usize) {
        use crate::deploy::progress::{DeployEvent, DeployOp};
        self.total = total as u64;
        self.progress.event(DeployEvent::Started { op: DeployOp::Program, total: total as u64, label: format!("{addr:#x}") });
    }
    fn update(&mut self, current: usize) {
        use crate::deploy::progress::{DeployEvent, DeployOp};
        self.progress.event(DeployEvent::Advanced { op: DeployOp::Program, done: current as u64 });
    }
    fn verifying(&mut self) {
        use crate::deploy::progress::{DeployEvent, DeployOp};
        self.progress.event(DeployEvent::Finished { op: DeployOp::Program });
        self.progress.event(DeployEvent::Started { op: DeployOp::Verify, total: self.total, label: "checksum".into() });
    }
    fn finish(&mut self, _skipped: bool) {
        use crate::deploy::progress::{DeployEvent, DeployOp};
        self.progress.event(DeployEvent::Finished { op: DeployOp::Verify });
    }
}

/// Writes `image` at `offset` with espflash: connects to the ROM bootloader (DTR/RTS reset, or the
/// USB-JTAG-serial reset on native-USB chips), checks the chip is the one the image is for, writes with
/// compression and verifies the checksum, then hard-resets into the new firmware.
#[cfg(feature = "espflash")]
pub fn flash(
    chip: EspChip,
    offset: u32,
    port: Option<&str>,
    image: &[u8],
    progress: &dyn crate::deploy::progress::DeployProgress,
) -> crate::deploy::Result<super::FlashReport> {
    use crate::deploy::serial;
    use crate::deploy::DeployError;
    use espflash::connection::{Connection, ResetAfterOperation, ResetBeforeOperation};
    use espflash::flasher::Flasher;

    let port = serial::resolve_port(port)?;
    let info = serial::list_ports().into_iter().find(|p| p.name == port);
    let native = serialport::new(&port, 115_200)
        .flow_control(serialport::FlowControl::None)
        .open_native()
        .map_err(|e| DeployError::Open { port: port.clone(), message: e.to_string() })?;
    // UsbPortInfo's fields depend on serialport features other crates enable: build it through serde, where
    // the optional fields default to None.
    let usb: serialport::UsbPortInfo = serde_json::from_value(serde_json::json!({
        "vid": info.as_ref().and_then(|i| i.vid).unwrap_or(0),
        "pid": info.as_ref().and_then(|i| i.pid).unwrap_or(0),
    }))
    .map_err(|e| DeployError::Open { port: port.clone(), message: format!("cannot describe the port: {e}") })?;
    let before = if usb.vid == 0x303a { ResetBeforeOperation::UsbReset } else { ResetBeforeOperation::DefaultReset };
    let conn = Connection::new(native, usb, ResetAfterOperation::HardReset, before, 115_200);
    let mut flasher = Flasher::connect(conn, true, true, false, Some(espflash_chip(chip)), Some(460_800)).map_err(|e| DeployError::Flash {
        message: format!("{port}: cannot reach the {} ROM bootloader: {e}", chip.name()),
        help: "hold BOOT (GPIO0) while pressing RESET to enter download mode, check the port, and that the image's chip matches the board (--chip)".into(),
    })?;
    let mut cb = Callbacks { progress, total: 0 };
    flasher.write_bin_to_flash(offset, image, &mut cb).map_err(|e| DeployError::Flash {
        message: format!("{port}: writing {} bytes at {offset:#x} failed: {e}", image.len()),
        help: "retry at a lower baud rate or with another cable; the board stays in download mode until reset".into(),
    })?;
    Ok(super::FlashReport::Esp { chip: chip.name().to_string(), offset, bytes: image.len() as u64, port })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_tolerate_spelling() {
        for c in EspChip::ALL {
            assert_eq!(EspChip::from_name(c.name()), Some(c));
        }
        assert_eq!(EspChip::from_name("ESP32-S3"), Some(EspChip::Esp32s3));
        assert_eq!(EspChip::from_name("esp8266"), None);
    }

    #[test]
    fn file_names_imply_chips() {
        assert_eq!(chip_from_name("ESP32_GENERIC_C6-20260101-V1.29.0.BIN"), Some(EspChip::Esp32c6));
        assert_eq!(chip_from_name("ESP32_GENERIC-SPIRAM-V1.29.0.BIN"), Some(EspChip::Esp32));
        assert_eq!(chip_from_name("RPI_PICO.UF2"), None);
    }
}
