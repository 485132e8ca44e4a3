//! The espflash and probe-rs paths as far as no hardware allows: chip names checked against probe-rs's
//! target database, flash plans per image and chip, and clear errors (quickly) when no device answers:
//! a missing serial port, a port where no ESP ROM bootloader answers (a pty), no debug probe attached.

use std::path::Path;
use std::time::{Duration, Instant};

use mpbuild::deploy::flash::{self, FlashOptions, Method};
use mpbuild::deploy::progress::NoProgress;
use mpbuild::deploy::DeployError;

fn esp_image(chip_id: u16) -> Vec<u8> {
    let mut b = vec![0xffu8; 4096];
    b[0] = 0xE9;
    b[12..14].copy_from_slice(&chip_id.to_le_bytes());
    b
}

#[cfg(feature = "probe-rs")]
#[test]
fn probe_plans_check_chip_names_against_probe_rs() {
    let o = FlashOptions { chip: Some("rp2040".into()), ..FlashOptions::default() };
    let p = flash::plan(Path::new("firmware.elf"), b"\x7fELF\x01\x01\x01", &o).unwrap();
    let Method::Probe { chip, .. } = &p.method else { panic!("{:?}", p.method) };
    assert!(chip.eq_ignore_ascii_case("rp2040"), "{chip}");
    // probe-rs accepts unambiguous prefixes of its names.
    let o = FlashOptions { chip: Some("STM32F405RG".into()), ..FlashOptions::default() };
    assert!(flash::plan(Path::new("firmware.elf"), b"\x7fELF\x01\x01\x01", &o).is_ok());
    let o = FlashOptions { chip: Some("NOSUCHCHIP9000".into()), ..FlashOptions::default() };
    let e = flash::plan(Path::new("firmware.elf"), b"\x7fELF\x01\x01\x01", &o).unwrap_err();
    assert!(e.to_string().contains("does not know the chip `NOSUCHCHIP9000`"), "{e}");
    let help = miette::Diagnostic::help(&e).map(|h| h.to_string()).unwrap_or_default();
    assert!(!help.is_empty());
}

#[cfg(feature = "probe-rs")]
#[test]
fn probe_flash_without_a_probe_is_a_clear_error() {
    let o = FlashOptions { chip: Some("nRF52840_xxAA".into()), address: Some(0), ..FlashOptions::default() };
    let img = vec![0u8; 1024];
    let plan = flash::plan(Path::new("firmware.bin"), &img, &o).unwrap();
    let t0 = Instant::now();
    match flash::run(&plan, &img, None, Duration::ZERO, &NoProgress) {
        Err(e @ DeployError::Flash { .. }) => {
            let text = e.to_string();
            assert!(text.contains("no debug probe") || text.contains("debug probe") || text.contains("attach"), "{text}");
        }
        other => panic!("expected a flash error without hardware, got {other:?}"),
    }
    assert!(t0.elapsed() < Duration::from_secs(30));
}

#[cfg(feature = "espflash")]
#[test]
fn esp_flash_to_a_missing_port_is_a_clear_error() {
    let o = FlashOptions { port: Some("/dev/nonexistent-esp".into()), ..FlashOptions::default() };
    let img = esp_image(9);
    let plan = flash::plan(Path::new("ESP32_GENERIC_S3.bin"), &img, &o).unwrap();
    assert!(matches!(plan.method, Method::Esp { offset: 0, .. }));
    let e = flash::run(&plan, &img, None, Duration::ZERO, &NoProgress).unwrap_err();
    assert!(e.to_string().contains("cannot open /dev/nonexistent-esp"), "{e}");
}

#[cfg(all(feature = "espflash", unix))]
#[test]
fn esp_flash_to_a_port_without_a_bootloader_fails_cleanly() {
    // A pty nobody answers on: espflash's reset (DTR/RTS fail with ENOTTY) and sync attempts all fail.
    let master = rustix::pty::openpt(rustix::pty::OpenptFlags::RDWR | rustix::pty::OpenptFlags::NOCTTY).unwrap();
    rustix::pty::grantpt(&master).unwrap();
    rustix::pty::unlockpt(&master).unwrap();
    let path = rustix::pty::ptsname(&master, Vec::new()).unwrap().into_string().unwrap();
    let o = FlashOptions { port: Some(path.clone()), ..FlashOptions::default() };
    let img = esp_image(0);
    let plan = flash::plan(Path::new("fw.bin"), &img, &o).unwrap();
    assert!(matches!(plan.method, Method::Esp { offset: 0x1000, .. }));
    let t0 = Instant::now();
    let e = flash::run(&plan, &img, None, Duration::ZERO, &NoProgress).unwrap_err();
    assert!(matches!(e, DeployError::Flash { .. } | DeployError::Open { .. }), "{e:?}");
    assert!(e.to_string().contains(&path), "{e}");
    assert!(t0.elapsed() < Duration::from_secs(120), "took {:?}", t0.elapsed());
    drop(master);
}

#[test]
fn esp8266_is_refused_before_touching_anything() {
    let o = FlashOptions { port: Some("/dev/nonexistent".into()), ..FlashOptions::default() };
    let e = flash::plan(Path::new("ESP8266_GENERIC-FLASH_1M-v1.29.0.bin"), &esp_image(0), &o).unwrap_err();
    assert!(matches!(e, DeployError::Unsupported { .. }));
    assert!(e.to_string().contains("ESP8266 is not supported"), "{e}");
    let help = miette::Diagnostic::help(&e).map(|h| h.to_string()).unwrap_or_default();
    assert!(help.contains("esptool"), "{help}");
}
