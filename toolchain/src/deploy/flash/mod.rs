//! `mpbuild flash IMAGE`: recognising a firmware image and choosing how to write it (a flash plan), then
//! writing it:
//!
//! * `.uf2` → copied onto the UF2 bootloader drive ([`uf2`]), entering BOOTSEL with `machine.bootloader()`
//!   first when a board is running MicroPython;
//! * ESP32-family `.bin` (image magic `0xE9`) → espflash at the chip's bootloader offset ([`esp`]);
//! * ELF, Intel HEX, or a raw `.bin` with `--chip` → probe-rs through a debug probe ([`probe`]).
//!
//! ESP8266 is refused with an explanation: espflash dropped it (esp-rs/espflash#576).

pub mod esp;
pub mod probe;
pub mod uf2;

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::error::{DeployError, Result};

/// What kind of file an image is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImageKind {
    Uf2,
    /// An ESP application or merged image (first byte `0xE9`).
    EspBin,
    Elf,
    IntelHex,
    /// Anything else: raw bytes for an address.
    RawBin,
}

/// Recognises an image by its bytes (and, for HEX, its name).
pub fn image_kind(path: &Path, bytes: &[u8]) -> ImageKind {
    if bytes.len() >= 512 && bytes[..4] == [0x55, 0x46, 0x32, 0x0a] {
        return ImageKind::Uf2;
    }
    if bytes.starts_with(b"\x7fELF") {
        return ImageKind::Elf;
    }
    if bytes.first() == Some(&b':') && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("hex") || e.eq_ignore_ascii_case("ihex")) {
        return ImageKind::IntelHex;
    }
    if bytes.first() == Some(&0xE9) && bytes.len() >= 24 {
        return ImageKind::EspBin;
    }
    ImageKind::RawBin
}

/// How the image will be written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum Method {
    /// Copy to the UF2 drive (`None`: found at flash time).
    Uf2 { drive: Option<PathBuf>, enter_bootloader: bool },
    /// espflash over the serial port, writing at `offset`.
    Esp { chip: esp::EspChip, offset: u32, port: Option<String> },
    /// probe-rs through a debug probe.
    Probe { chip: String, probe: Option<String>, base_address: Option<u64> },
}

/// What `mpbuild flash` will do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FlashPlan {
    pub image: PathBuf,
    pub kind: ImageKind,
    pub size: u64,
    #[serde(flatten)]
    pub method: Method,
}

/// The user's choices.
#[derive(Clone, Debug, Default)]
pub struct FlashOptions {
    /// `uf2`, `esp` or `probe` to force a method.
    pub method: Option<String>,
    /// Chip name (`esp32s3`, `RP2040`, `STM32F405RGTx`, ...).
    pub chip: Option<String>,
    /// Write address (ESP offset or probe-rs base address for raw binaries).
    pub address: Option<u64>,
    /// Serial port (ESP, or the running board to send to BOOTSEL).
    pub port: Option<String>,
    /// Debug probe `VID:PID[:SERIAL]`.
    pub probe: Option<String>,
    /// UF2 drive (instead of searching the mounted volumes).
    pub drive: Option<PathBuf>,
}

/// Works out the plan (no device access).
pub fn plan(image: &Path, bytes: &[u8], opts: &FlashOptions) -> Result<FlashPlan> {
    let kind = image_kind(image, bytes);
    let name = image.file_name().map(|n| n.to_string_lossy().to_uppercase()).unwrap_or_default();
    let chip_lc = opts.chip.as_deref().map(str::to_ascii_lowercase);
    if chip_lc.as_deref() == Some("esp8266") || (name.contains("ESP8266") && opts.method.as_deref() != Some("probe")) {
        return Err(esp8266_refusal());
    }
    let chip_is_esp = chip_lc.as_deref().is_some_and(|c| esp::EspChip::from_name(c).is_some());
    let method = match opts.method.as_deref() {
        Some(m) => m,
        None => match kind {
            ImageKind::Uf2 => "uf2",
            ImageKind::EspBin => "esp",
            _ if chip_is_esp => "esp",
            _ => "probe",
        },
    };
    let method = match method {
        "uf2" => {
            if kind != ImageKind::Uf2 {
                return Err(DeployError::usage(format!("{} is not a UF2 image", image.display()), "UF2 drives take .uf2 files only"));
            }
            uf2::parse(bytes)?;
            Method::Uf2 { drive: opts.drive.clone(), enter_bootloader: opts.port.is_some() }
        }
        "esp" => {
            let chip = match &chip_lc {
                Some(c) => esp::EspChip::from_name(c).ok_or_else(|| unknown_esp_chip(c))?,
                None => esp::chip_from_image(bytes).or_else(|| esp::chip_from_name(&name)).ok_or_else(|| {
                    DeployError::usage(
                        "cannot tell which ESP chip this image is for",
                        "pass --chip (esp32, esp32s2, esp32s3, esp32c3, esp32c6, ...)",
                    )
                })?,
            };
            let offset = match opts.address {
                Some(a) => u32::try_from(a).map_err(|_| DeployError::usage(format!("address {a:#x} is beyond 4 GiB"), "give an ESP flash offset"))?,
                None => chip.bootloader_offset(),
            };
            Method::Esp { chip, offset, port: opts.port.clone() }
        }
        "probe" => {
            let Some(chip) = opts.chip.clone() else {
                return Err(DeployError::usage(
                    format!("{} needs a debug probe and a chip name", image.display()),
                    "pass --chip (probe-rs names, e.g. RP2040, RP235x, STM32F405RGTx, nRF52840_xxAA)",
                ));
            };
            if kind == ImageKind::RawBin && opts.address.is_none() {
                return Err(DeployError::usage(
                    format!("{} is a raw binary: probe-rs needs the address to write it at", image.display()),
                    "pass --address (e.g. 0x08000000 for STM32 internal flash)",
                ));
            }
            // With probe-rs built in, the chip name is checked (and corrected in case) against its target list.
            #[cfg(feature = "probe-rs")]
            let chip = probe::check_chip(&chip)?;
            if let Some(p) = &opts.probe {
                probe::parse_selector(p)?;
            }
            Method::Probe { chip, probe: opts.probe.clone(), base_address: opts.address }
        }
        other => return Err(DeployError::usage(format!("unknown flash method `{other}`"), "use --method uf2, esp or probe")),
    };
    Ok(FlashPlan { image: image.to_path_buf(), kind, size: bytes.len() as u64, method })
}

/// What flashing did.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum FlashReport {
    Uf2(uf2::Uf2Report),
    Esp { chip: String, offset: u32, bytes: u64, port: String },
    Probe { chip: String, bytes: u64 },
}

/// Extra directories searched for a UF2 drive (`:`-separated), besides the mounted volumes.
pub const UF2_SEARCH_ENV: &str = "MPBUILD_UF2_SEARCH";

/// Where UF2 drives are looked for.
pub fn uf2_candidates() -> Vec<PathBuf> {
    let mut c: Vec<PathBuf> = std::env::var_os(UF2_SEARCH_ENV).map(|v| std::env::split_paths(&v).collect()).unwrap_or_default();
    let extra: Vec<PathBuf> = c.iter().filter_map(|d| std::fs::read_dir(d).ok()).flat_map(|rd| rd.flatten().map(|e| e.path())).collect();
    c.extend(extra);
    c.extend(uf2::candidate_mounts());
    c
}

/// Carries out a plan. `enter_bootloader` is called for UF2 plans when no drive is present yet (it should
/// send `machine.bootloader()` to the running board); the drive is then awaited for `wait`.
pub fn run(
    plan: &FlashPlan,
    bytes: &[u8],
    enter_bootloader: Option<&mut dyn FnMut() -> Result<()>>,
    wait: std::time::Duration,
    progress: &dyn super::progress::DeployProgress,
) -> Result<FlashReport> {
    match &plan.method {
        Method::Uf2 { drive, .. } => {
            let drive = match drive {
                Some(d) => d.clone(),
                None => match uf2::find_drive(&uf2_candidates()) {
                    Some(d) => d,
                    None => {
                        if let Some(enter) = enter_bootloader {
                            enter()?;
                        }
                        uf2::wait_for_drive(&uf2_candidates, wait).ok_or_else(|| DeployError::Flash {
                            message: "no UF2 bootloader drive found (a mounted volume with INFO_UF2.TXT)".to_string(),
                            help: "hold BOOTSEL while plugging the board in (or pass --port so mpbuild sends machine.bootloader()), wait for the drive to mount, or name it with --drive".to_string(),
                        })?
                    }
                },
            };
            Ok(FlashReport::Uf2(uf2::copy_to_drive(bytes, &drive, progress)?))
        }
        Method::Esp { chip, offset, port } => esp::flash(*chip, *offset, port.as_deref(), bytes, progress),
        Method::Probe { chip, probe, base_address } => probe::flash(chip, probe.as_deref(), plan.kind, *base_address, bytes, progress),
    }
}

/// The error for ESP8266 images.
pub fn esp8266_refusal() -> DeployError {
    DeployError::Unsupported {
        what: "ESP8266 is not supported: espflash, the flasher mpbuild uses, dropped the ESP8266 (esp-rs/espflash#576)".to_string(),
        help: "flash ESP8266 boards with esptool: `esptool --port PORT write-flash --flash-size=detect 0 ESP8266_GENERIC-....bin`; mpbuild deploy works on them once MicroPython runs".to_string(),
    }
}

fn unknown_esp_chip(c: &str) -> DeployError {
    DeployError::usage(
        format!("unknown ESP chip `{c}`"),
        format!("known chips: {}", esp::EspChip::ALL.iter().map(|c| c.name()).collect::<Vec<_>>().join(", ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esp_image(chip_id: u16) -> Vec<u8> {
        let mut b = vec![0u8; 64];
        b[0] = 0xE9;
        b[12..14].copy_from_slice(&chip_id.to_le_bytes());
        b
    }

    #[test]
    fn images_are_recognised() {
        assert_eq!(image_kind(Path::new("a.uf2"), &uf2::from_bin(&[0; 10], 0, None)), ImageKind::Uf2);
        assert_eq!(image_kind(Path::new("a.elf"), b"\x7fELF...."), ImageKind::Elf);
        assert_eq!(image_kind(Path::new("a.hex"), b":10000000"), ImageKind::IntelHex);
        assert_eq!(image_kind(Path::new("a.bin"), &esp_image(9)), ImageKind::EspBin);
        assert_eq!(image_kind(Path::new("a.bin"), b"\x00\x01"), ImageKind::RawBin);
    }

    #[test]
    fn esp_offsets_follow_the_chip() {
        let p = plan(Path::new("ESP32_GENERIC_S3-20260101-v1.29.0.bin"), &esp_image(9), &FlashOptions::default()).unwrap();
        assert_eq!(p.method, Method::Esp { chip: esp::EspChip::Esp32s3, offset: 0, port: None });
        let p = plan(Path::new("fw.bin"), &esp_image(0), &FlashOptions::default()).unwrap();
        assert_eq!(p.method, Method::Esp { chip: esp::EspChip::Esp32, offset: 0x1000, port: None });
        let p = plan(Path::new("fw.bin"), &esp_image(18), &FlashOptions::default()).unwrap();
        assert_eq!(p.method, Method::Esp { chip: esp::EspChip::Esp32p4, offset: 0x2000, port: None });
        let o = FlashOptions { address: Some(0x10000), ..FlashOptions::default() };
        let p = plan(Path::new("fw.bin"), &esp_image(5), &o).unwrap();
        assert_eq!(p.method, Method::Esp { chip: esp::EspChip::Esp32c3, offset: 0x10000, port: None });
    }

    #[test]
    fn esp8266_is_refused_clearly() {
        let e = plan(Path::new("ESP8266_GENERIC-v1.29.0.bin"), &esp_image(0), &FlashOptions::default()).unwrap_err();
        assert!(e.to_string().contains("ESP8266 is not supported"), "{e}");
        let o = FlashOptions { chip: Some("ESP8266".into()), ..FlashOptions::default() };
        assert!(plan(Path::new("fw.bin"), &esp_image(0), &o).is_err());
    }

    #[test]
    fn probe_plans_need_a_chip_and_raw_bins_an_address() {
        let e = plan(Path::new("firmware.elf"), b"\x7fELF....", &FlashOptions::default()).unwrap_err();
        assert!(e.to_string().contains("needs a debug probe and a chip"), "{e}");
        let o = FlashOptions { chip: Some("STM32F405RGTx".into()), ..FlashOptions::default() };
        let p = plan(Path::new("firmware.elf"), b"\x7fELF....", &o).unwrap();
        assert_eq!(p.method, Method::Probe { chip: "STM32F405RGTx".into(), probe: None, base_address: None });
        let bad_probe = FlashOptions { probe: Some("xyz".into()), ..o.clone() };
        assert!(plan(Path::new("firmware.elf"), b"\x7fELF....", &bad_probe).is_err());
        assert!(plan(Path::new("firmware.bin"), b"\x00\x01\x02", &o).is_err());
        let o = FlashOptions { address: Some(0x0800_0000), ..o };
        assert!(matches!(plan(Path::new("firmware.bin"), b"\x00\x01\x02", &o).unwrap().method, Method::Probe { base_address: Some(0x0800_0000), .. }));
    }

    #[test]
    fn uf2_goes_to_the_drive() {
        let img = uf2::from_bin(&[1; 300], 0x1000_0000, Some(0xe48b_ff56));
        let p = plan(Path::new("RPI_PICO.uf2"), &img, &FlashOptions::default()).unwrap();
        assert_eq!(p.method, Method::Uf2 { drive: None, enter_bootloader: false });
    }
}
