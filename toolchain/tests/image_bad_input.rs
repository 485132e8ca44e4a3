//! Bad input to `mpbuild image`: base files of the wrong format, for another chip, damaged; a project too
//! large for its region; a region overlapping the firmware's data. Each gives a clear error (code, and
//! addresses in hex), never a panic, and the output file is left as it was (writes are atomic).

mod common;
#[path = "common/image.rs"]
mod img;

use std::path::Path;

use mpbuild::boards;
use mpbuild::cache::Cache;
use mpbuild::image::firmware::{self, ImageOptions};
use mpbuild::image::place::{Placement, RegionOverride};
use mpbuild::progress::NoProgress;

fn run(project: &mpbuild::Project, base: &Path, board: &str, out: &Path, placement: Placement, region: RegionOverride) -> mpbuild::error::Error {
    let o = ImageOptions { base: base.to_path_buf(), board: boards::find(board, None).unwrap(), output: out.to_path_buf(), placement, region, format: None };
    firmware::build(project, &common::oracle(), &Cache::disabled(), &o, &NoProgress).expect_err("must fail")
}

#[test]
fn every_refusal_is_clear_and_leaves_the_output_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, project) = img::sensor_app(tmp.path());
    let out = tmp.path().join("out.uf2");
    std::fs::write(&out, b"previous output").unwrap();
    let xip = 0x1000_0000u32;
    let auto = RegionOverride::default();
    let mut cases: Vec<(&str, mpbuild::error::Error, &str, Vec<&str>)> = Vec::new();

    // Not a firmware file at all.
    let txt = tmp.path().join("notes.txt");
    std::fs::write(&txt, "hello").unwrap();
    cases.push(("text file", run(&project, &txt, "RPI_PICO", &out, Placement::Auto, auto), "mpbuild::image::base", vec!["not a firmware file"]));

    // A UF2 with a damaged block.
    let mut uf2 = img::make_uf2(&[(xip, &img::random_bytes(4096, 1), 0xe48b_ff56)]);
    uf2[512 * 3 + 509] ^= 0xff;
    let damaged = tmp.path().join("damaged.uf2");
    std::fs::write(&damaged, &uf2).unwrap();
    cases.push(("damaged UF2", run(&project, &damaged, "RPI_PICO", &out, Placement::Auto, auto), "mpbuild::image::base", vec!["block 3 (byte 0x600)"]));

    // RP2040 firmware for an RP2350 board.
    let rp2040 = tmp.path().join("rp2040.uf2");
    std::fs::write(&rp2040, img::make_uf2(&[(xip, &img::random_bytes(8192, 2), 0xe48b_ff56)])).unwrap();
    cases.push(("other family", run(&project, &rp2040, "RPI_PICO2", &out, Placement::Auto, auto), "mpbuild::image::base", vec!["0xe48bff56", "0xe48bff59"]));

    // micro:bit (nRF51, flash at 0) HEX for an STM32 board.
    let hex = Path::new("/usr/share/firmware-microbit-micropython/firmware.hex");
    cases.push(("nRF hex for STM32", run(&project, hex, "PYBV11", &out, Placement::Auto, auto), "mpbuild::image::base", vec!["0x00000000", "0x08000000"]));

    // A HEX file with a bad checksum on line 2.
    let badhex = tmp.path().join("bad.hex");
    std::fs::write(&badhex, ":020000040800F2\n:0400000001020304F0\n:00000001FF\n").unwrap();
    cases.push(("hex checksum", run(&project, &badhex, "PYBV11", &out, Placement::Auto, auto), "mpbuild::image::base", vec!["line 2"]));

    // The example does not fit the micro:bit's 12 KiB filesystem.
    cases.push((
        "too large",
        run(&project, hex, "MICROBIT", &out, Placement::Auto, auto),
        "mpbuild::image::too_large",
        vec!["littlefs filesystem", "0x0003d000..0x00040000", "12288 bytes"],
    ));
    // ROMFS larger than a region given on the command line.
    cases.push((
        "romfs too large",
        run(&project, &rp2040, "RPI_PICO", &out, Placement::Romfs, RegionOverride { addr: Some(0x1010_0000), size: Some(1024) }),
        "mpbuild::image::too_large",
        vec!["ROMFS image", "0x10100000..0x10100400"],
    ));
    // Stock RP2 firmware has no ROMFS partition.
    cases.push(("no romfs", run(&project, &rp2040, "RPI_PICO", &out, Placement::Romfs, auto), "mpbuild::image::layout", vec!["no ROMFS partition"]));

    // Firmware data inside the filesystem region.
    let big = tmp.path().join("big.uf2");
    std::fs::write(&big, img::make_uf2(&[(xip, &img::random_bytes(0xA0000 + 8192, 3), 0xe48b_ff56)])).unwrap();
    cases.push(("overlap", run(&project, &big, "RPI_PICO", &out, Placement::Auto, auto), "mpbuild::image::overlap", vec!["0x100a0000..0x10200000", "0x10000000..0x100a2000"]));

    for (what, e, code, needles) in &cases {
        assert_eq!(&e.code_str(), code, "{what}: {e}");
        let text = e.to_string();
        for n in needles {
            assert!(text.contains(n), "{what}: `{n}` not in: {text}");
        }
        assert!(e.help_str().is_some_and(|h| !h.is_empty()), "{what}: no help");
    }
    assert_eq!(std::fs::read(&out).unwrap(), b"previous output", "the output was touched");
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().starts_with(".mpbuild-tmp")).collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn random_and_truncated_bases_never_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, project) = img::sensor_app(tmp.path());
    let out = tmp.path().join("o.bin");
    let good_uf2 = img::make_uf2(&[(0x1000_0000, &img::random_bytes(2048, 5), 0xe48b_ff56)]);
    let good_esp = img::make_esp_merged(0, 0x1000, &img::make_esp_table(&[("factory", 0, 0, 0x10000, 0x100000), ("vfs", 1, 0x81, 0x110000, 0x10000)]), 0x2000, 6);
    for (i, seed) in (0..24u64).enumerate() {
        let (name, bytes, board) = match i % 3 {
            0 => ("r.uf2", good_uf2[..(seed as usize * 97) % good_uf2.len()].to_vec(), "RPI_PICO"),
            1 => ("r.bin", { let mut b = good_esp.clone(); let at = (seed as usize * 7919) % b.len(); b[at..(at + 64).min(good_esp.len())].fill(0); b }, "ESP32_GENERIC"),
            _ => ("r.hex", img::random_bytes(300, seed), "PYBV11"),
        };
        let p = tmp.path().join(name);
        std::fs::write(&p, &bytes).unwrap();
        let o = ImageOptions { base: p, board: boards::find(board, None).unwrap(), output: out.clone(), placement: Placement::Auto, region: RegionOverride::default(), format: None };
        // Either a clean error or (for a corruption the format cannot detect) an image: never a panic.
        let _ = firmware::build(&project, &common::oracle(), &Cache::disabled(), &o, &NoProgress);
    }
}
