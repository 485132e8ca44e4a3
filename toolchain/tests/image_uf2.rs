//! `mpbuild image` for RP2 boards (UF2). The base firmware files are synthesised: random bytes at the XIP
//! base in 256-byte UF2 blocks of the board's family (RP2040; RP2350 ARM with picotool's extra
//! absolute-family block first; RP2350 RISC-V). The produced file is parsed back by the test's own UF2
//! reader: magic numbers, block numbers and totals (per family), family IDs, addresses; the firmware bytes
//! must be unchanged, and the littlefs region (stock rp2 firmware has no ROMFS) is mounted in the real
//! MicroPython VM with `vfs.VfsLfs2(dev, progsize=256)` as `ports/rp2/modules/_boot.py` does, where the
//! example project runs with the same output as its sources.

mod common;
#[path = "common/image.rs"]
mod img;

use std::process::Command;

use mpbuild::boards;
use mpbuild::cache::Cache;
use mpbuild::image::firmware::{self, ImageOptions};
use mpbuild::image::place::{Placement, RegionOverride};
use mpbuild::progress::NoProgress;

const XIP: u32 = 0x1000_0000;

fn opts(base: &std::path::Path, board: &str, out: &std::path::Path) -> ImageOptions {
    ImageOptions {
        base: base.to_path_buf(),
        board: boards::find(board, None).unwrap(),
        output: out.to_path_buf(),
        placement: Placement::Auto,
        region: RegionOverride::default(),
        format: None,
    }
}

#[test]
fn rp2040_uf2_keeps_the_firmware_and_runs_the_project_from_littlefs() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, project) = img::sensor_app(tmp.path());
    let fw = img::random_bytes(600 * 1024, 1);
    let base = tmp.path().join("RPI_PICO-20260101-v1.29.0.uf2");
    std::fs::write(&base, img::make_uf2(&[(XIP, &fw, 0xe48b_ff56)])).unwrap();
    let out = tmp.path().join("out.uf2");
    let report = firmware::build(&project, &common::oracle(), &Cache::disabled(), &opts(&base, "RPI_PICO", &out), &NoProgress).unwrap();

    // Region: the board's flash storage, 1408 KiB at the end of the 2 MiB flash.
    assert_eq!((report.region.addr, report.region.size), (0x100A_0000, 1408 * 1024));
    let blocks = img::uf2_blocks(&std::fs::read(&out).unwrap());
    let n = blocks.len() as u32;
    assert_eq!(n as usize, 600 * 4 + 1408 * 4, "firmware blocks plus the whole region in 256-byte blocks");
    for (i, b) in blocks.iter().enumerate() {
        assert_eq!((b.no, b.total), (i as u32, n), "block {i} numbering");
        assert_eq!(b.flags & 0x2000, 0x2000, "family flag of block {i}");
        assert_eq!(b.family, 0xe48b_ff56, "family of block {i}");
        assert_eq!(b.size, 256);
        assert_eq!(b.addr % 256, 0);
    }
    let flash = img::uf2_flash(&blocks);
    assert_eq!(img::read(&flash, u64::from(XIP), fw.len()), fw, "firmware bytes changed");
    let region = img::read(&flash, 0x100A_0000, 1408 * 1024);
    assert_eq!(flash.keys().next_back().copied(), Some(0x1020_0000 - 1), "region ends at the end of flash");

    let ran = img::run_on_region(tmp.path(), &region, 4096, "vfs.VfsLfs2(dev, progsize=256)", img::RUN_MAIN);
    assert_eq!(ran, img::source_output(&app), "run from the littlefs region differs from the source run");
}

#[test]
fn rp2350_numbering_per_family_and_riscv_family() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, project) = img::sensor_app(tmp.path());
    let fw = img::random_bytes(300 * 1024, 2);
    // picotool's RP2350 files may start with one block of the "absolute" family numbered on its own.
    let mut abs = img::make_uf2(&[(0x10FF_FF00, &[0xef; 256], 0xe48b_ff57)]);
    abs.extend(img::make_uf2(&[(XIP, &fw, 0xe48b_ff59)]));
    let base = tmp.path().join("RPI_PICO2.uf2");
    std::fs::write(&base, &abs).unwrap();
    let out = tmp.path().join("pico2.uf2");
    let r = firmware::build(&project, &common::oracle(), &Cache::disabled(), &opts(&base, "RPI_PICO2", &out), &NoProgress).unwrap();
    assert_eq!(r.region.addr, 0x102A_0000);
    assert_eq!(r.uf2_family, Some(0xe48b_ff59));
    let blocks = img::uf2_blocks(&std::fs::read(&out).unwrap());
    assert_eq!((blocks[0].family, blocks[0].no, blocks[0].total), (0xe48b_ff57, 0, 1));
    let arm: Vec<_> = blocks.iter().filter(|b| b.family == 0xe48b_ff59).collect();
    assert_eq!(arm.len(), blocks.len() - 1);
    for (i, b) in arm.iter().enumerate() {
        assert_eq!((b.no, b.total), (i as u32, arm.len() as u32));
    }
    assert_eq!(img::read(&img::uf2_flash(&blocks), u64::from(XIP), fw.len()), fw);

    // RISC-V variant: the base must be of the RISC-V family, and the project's blocks follow it.
    let base_rv = tmp.path().join("RPI_PICO2-RISCV.uf2");
    std::fs::write(&base_rv, img::make_uf2(&[(XIP, &fw, 0xe48b_ff5a)])).unwrap();
    let mut o = opts(&base_rv, "RPI_PICO2", &out);
    o.board = boards::find("RPI_PICO2-RISCV", None).unwrap();
    let r = firmware::build(&project, &common::oracle(), &Cache::disabled(), &o, &NoProgress).unwrap();
    assert_eq!(r.uf2_family, Some(0xe48b_ff5a));
    let blocks = img::uf2_blocks(&std::fs::read(&out).unwrap());
    assert!(blocks.iter().all(|b| b.family == 0xe48b_ff5a));
    // And an ARM base is refused for the RISC-V variant.
    o.base = base.clone();
    let e = firmware::build(&project, &common::oracle(), &Cache::disabled(), &o, &NoProgress).unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::image::base");
    assert!(e.to_string().contains("0xe48bff59"), "{e}");
}

#[test]
fn cli_builds_inspects_and_reports_json() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, _p) = img::sensor_app(tmp.path());
    let app = tmp.path().join("sensor-app");
    let base = tmp.path().join("fw.uf2");
    std::fs::write(&base, img::make_uf2(&[(XIP, &img::random_bytes(100 * 1024, 3), 0xe48b_ff56)])).unwrap();
    let out = tmp.path().join("cli.uf2");
    let exe = env!("CARGO_BIN_EXE_mpbuild");
    let o = Command::new(exe)
        .args(["image", "--json", "--no-cache", "--mpy-cross"])
        .arg(common::mpy_cross())
        .arg("--base")
        .arg(&base)
        .args(["--board", "RPI_PICO", "-o"])
        .arg(&out)
        .arg(&app)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["image"]["region"]["kind"], "littlefs");
    assert_eq!(v["image"]["region"]["addr"], 0x100A_0000u64);
    assert_eq!(v["image"]["output_bytes"].as_u64(), Some(std::fs::metadata(&out).unwrap().len()));

    let o = Command::new(exe).args(["image", "--json", "--inspect"]).arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ins = &v["inspect"];
    assert_eq!(ins["uf2_numbering"], "whole file");
    assert_eq!(ins["uf2_families"][0]["family"], 0xe48b_ff56u64);
    let regions = ins["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 1, "{regions:?}");
    assert_eq!(regions[0]["kind"], "littlefs");
    let files: Vec<&str> = regions[0]["files"].as_array().unwrap().iter().map(|f| f[0].as_str().unwrap()).collect();
    for want in ["main.py", "app.mpy", "drivers/", "drivers/sensor.mpy", "lib/dsp/filter.mpy"] {
        assert!(files.contains(&want), "{want} missing from {files:?}");
    }
    // Human output names the region with hex addresses.
    let o = Command::new(exe).args(["image", "--inspect"]).arg(&out).output().unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("littlefs v2 at 0x100a0000..0x10200000"), "{text}");
}
