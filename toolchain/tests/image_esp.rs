//! `mpbuild image` for ESP32-family boards (merged `.bin`). Base files are synthesised: a bootloader whose
//! image header names the chip, a partition table with its MD5 entry (written by the test's own code), and
//! an application image of random bytes. The produced `.bin` is read back: the chip-specific start offset
//! (0x1000 on ESP32, 0 on S3), the partition table and its MD5 checked by the test's parser, unchanged
//! firmware bytes; the `vfs` littlefs region mounted by the real MicroPython VM through auto-detection
//! (`vfs.mount(dev, ...)` as `ports/esp32/modules/_boot.py` does); with `--place romfs` a new `romfs`
//! partition (data/0x8f) carved from `vfs`, mounted with `vfs.VfsRom`.

mod common;
#[path = "common/image.rs"]
mod img;

use mpbuild::boards;
use mpbuild::cache::Cache;
use mpbuild::image::firmware::{self, ImageOptions};
use mpbuild::image::place::{Placement, RegionOverride};
use mpbuild::progress::NoProgress;

fn stock_table() -> Vec<u8> {
    img::make_esp_table(&[
        ("nvs", 1, 2, 0x9000, 0x6000),
        ("phy_init", 1, 1, 0xf000, 0x1000),
        ("factory", 0, 0, 0x10000, 0x1F0000),
        ("vfs", 1, 0x81, 0x200000, 0x200000),
    ])
}

fn build(base: &std::path::Path, board: &str, out: &std::path::Path, placement: Placement, project: &mpbuild::Project) -> mpbuild::error::Result<firmware::ImageReport> {
    let o = ImageOptions { base: base.to_path_buf(), board: boards::find(board, None).unwrap(), output: out.to_path_buf(), placement, region: RegionOverride::default(), format: None };
    firmware::build(project, &common::oracle(), &Cache::disabled(), &o, &NoProgress)
}

#[test]
fn esp32_littlefs_in_vfs_partition() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, project) = img::sensor_app(tmp.path());
    let merged = img::make_esp_merged(0, 0x1000, &stock_table(), 0x150000, 7);
    let base = tmp.path().join("ESP32_GENERIC-20260101-v1.29.0.bin");
    std::fs::write(&base, &merged).unwrap();
    let out = tmp.path().join("esp32.bin");
    let r = build(&base, "ESP32_GENERIC", &out, Placement::Auto, &project).unwrap();
    assert_eq!((r.region.addr, r.region.size), (0x200000, 0x200000));
    let bin = std::fs::read(&out).unwrap();
    // File byte 0 is flash offset 0x1000 on the ESP32; the file runs to the end of the vfs partition.
    assert_eq!(bin.len(), 0x400000 - 0x1000);
    assert_eq!(&bin[..merged.len()], &merged[..], "firmware bytes changed");
    assert_eq!(bin[0], 0xE9);
    let table = img::esp_table(&bin[0x7000..0x7000 + 0xC00]);
    assert_eq!(table.len(), 4);
    let region = &bin[0x200000 - 0x1000..];
    let ran = img::run_on_region(tmp.path(), region, 4096, "dev", img::RUN_MAIN);
    assert_eq!(ran, img::source_output(&app));
}

#[test]
fn esp32s3_romfs_partition_is_made_with_a_new_table() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, project) = img::sensor_app(tmp.path());
    let merged = img::make_esp_merged(9, 0, &stock_table(), 0x120000, 8);
    let base = tmp.path().join("ESP32_GENERIC_S3.bin");
    std::fs::write(&base, &merged).unwrap();
    let out = tmp.path().join("s3.bin");
    let r = build(&base, "ESP32_GENERIC_S3", &out, Placement::Romfs, &project).unwrap();
    let bin = std::fs::read(&out).unwrap();
    // S3 merged images start at flash offset 0.
    assert_eq!(&bin[..0x8000], &merged[..0x8000], "bootloader changed");
    assert_eq!(&bin[0x10000..merged.len()], &merged[0x10000..], "application changed");
    let table = img::esp_table(&bin[0x8000..0x8000 + 0xC00]);
    let romfs = table.iter().find(|p| p.name == "romfs").expect("romfs partition");
    let vfs = table.iter().find(|p| p.name == "vfs").unwrap();
    assert_eq!((romfs.ty, romfs.subtype), (1, 0x8f));
    assert_eq!(romfs.offset % 0x10000, 0, "ROMFS partition on a 64 KiB MMU page");
    assert_eq!(vfs.offset + vfs.size, romfs.offset, "carved from the end of vfs");
    assert_eq!(romfs.offset + romfs.size, 0x400000);
    assert_eq!((r.region.addr, r.region.size), (u64::from(romfs.offset), u64::from(romfs.size)));
    let image = &bin[romfs.offset as usize..romfs.offset as usize + r.region_used as usize];
    std::fs::write(tmp.path().join("app.romfs"), image).unwrap();
    let ran = common::run_vm(
        tmp.path(),
        "import sys, vfs\nvfs.mount(vfs.VfsRom(open('app.romfs','rb').read()), '/flash')\nsys.path[:0] = ['/flash', '/flash/lib']\nimport app\nassert app.__file__.startswith('/flash/')\nexec(open('/flash/main.py').read())\n",
        &[],
    );
    assert_eq!(ran, img::source_output(&app));

    // Built again from the produced image: the ROMFS partition now exists and is reused (Auto).
    let again = tmp.path().join("again.bin");
    let overlap = build(&out, "ESP32_GENERIC_S3", &again, Placement::Auto, &project).unwrap_err();
    assert_eq!(overlap.code_str(), "mpbuild::image::overlap", "{overlap}");
    assert!(overlap.to_string().contains(&format!("{:#010x}", romfs.offset)), "{overlap}");
}

#[test]
fn esp_bad_bases() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, project) = img::sensor_app(tmp.path());
    let out = tmp.path().join("o.bin");
    // An S3 image for an ESP32 board.
    let s3 = tmp.path().join("s3.bin");
    std::fs::write(&s3, img::make_esp_merged(9, 0, &stock_table(), 0x1000, 1)).unwrap();
    let e = build(&s3, "ESP32_GENERIC", &out, Placement::Auto, &project).unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::image::base");
    assert!(e.to_string().contains("esp32s3") && e.to_string().contains("0xc..0xe"), "{e}");
    // An application image alone (no partition table at 0x8000).
    let app_only = tmp.path().join("firmware.bin");
    let mut a = img::random_bytes(0x20000, 3);
    a[0] = 0xE9;
    a[12] = 0;
    a[13] = 0;
    a[0x7000..0x7020].fill(0xff);
    std::fs::write(&app_only, &a).unwrap();
    let e = build(&app_only, "ESP32_GENERIC", &out, Placement::Auto, &project).unwrap_err();
    assert!(e.to_string().contains("partition table at 0x8000") || e.to_string().contains("no partition table"), "{e}");
    // A partition table whose MD5 entry does not match.
    let mut t = stock_table();
    t[40] ^= 1;
    let bad_md5 = tmp.path().join("md5.bin");
    std::fs::write(&bad_md5, img::make_esp_merged(0, 0x1000, &t, 0x1000, 4)).unwrap();
    let e = build(&bad_md5, "ESP32_GENERIC", &out, Placement::Auto, &project).unwrap_err();
    assert!(e.to_string().contains("MD5") && e.to_string().contains("0x8"), "{e}");
    assert!(!out.exists(), "nothing is written on failure");
}
