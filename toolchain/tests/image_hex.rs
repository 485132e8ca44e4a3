//! `mpbuild image` for Intel HEX (and raw `.bin`/ELF) firmware of the other ports.
//!
//! * A real MicroPython firmware: Debian's `firmware-microbit-micropython` (installed by `scripts/lib.sh`)
//!   ships the BBC micro:bit build as Intel HEX. The project goes into the mainline MICROBIT board's
//!   littlefs region (12 KiB at 0x3D000, 1 KiB blocks); every byte of the firmware file must be unchanged
//!   in the output, whose records are re-read with their checksums by the test's own parser. The region is
//!   mounted in the real MicroPython VM and a small project runs from it.
//! * STM32 (PYBV11): a synthesised HEX firmware with the pyboard's layout (vectors in sector 0, code from
//!   0x08020000); the project goes into the FAT filesystem of sectors 1-4 (0x08004000, 224 x 512 bytes),
//!   mounted with `vfs.VfsFat` in the VM, where the example runs like its sources. The same base as `.bin`
//!   and as ELF gives the same bytes.

mod common;
#[path = "common/image.rs"]
mod img;

use std::path::Path;

use mpbuild::boards;
use mpbuild::cache::Cache;
use mpbuild::config::{Config, ConfigSource};
use mpbuild::image::base::Format;
use mpbuild::image::firmware::{self, ImageOptions};
use mpbuild::image::place::{Placement, RegionOverride};
use mpbuild::progress::NoProgress;
use mpbuild::Project;

const MICROBIT_HEX: &str = "/usr/share/firmware-microbit-micropython/firmware.hex";

fn opts(base: &Path, board: &str, out: &Path) -> ImageOptions {
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
fn real_microbit_firmware_is_left_intact() {
    let fw_text = std::fs::read_to_string(MICROBIT_HEX).unwrap_or_else(|e| {
        panic!("{MICROBIT_HEX}: {e} (scripts/test installs Debian's firmware-microbit-micropython)")
    });
    let (fw, fw_records) = img::hex_flash(&fw_text);
    assert!(
        fw_records > 10_000 && fw.len() > 200_000,
        "a real firmware: {fw_records} records, {} bytes",
        fw.len()
    );

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("tiny");
    common::write_tree(
        &dir,
        &[
            ("main.py", "import greet\ngreet.hello('micro:bit')\n"),
            (
                "greet.py",
                "def hello(who):\n    print('hello', who, sum(range(10)))\n",
            ),
        ],
    );
    let cfg = Config::parse(
        "entries = [\"main.py\"]\n[target]\nboard = \"MICROBIT\"\n",
        &dir.join("mpbuild.toml"),
    )
    .unwrap();
    let project = Project::from_config(&dir, cfg, ConfigSource::Defaults).unwrap();
    let out = tmp.path().join("microbit.hex");
    let r = firmware::build(
        &project,
        &common::oracle(),
        &Cache::disabled(),
        &opts(Path::new(MICROBIT_HEX), "MICROBIT", &out),
        &NoProgress,
    )
    .unwrap();
    assert_eq!(r.format, Format::Hex);
    assert_eq!(
        (r.region.addr, r.region.size, r.region.block_size),
        (0x3D000, 12 * 1024, 1024)
    );

    let (merged, _) = img::hex_flash(&std::fs::read_to_string(&out).unwrap());
    for (addr, byte) in &fw {
        assert_eq!(
            merged.get(addr),
            Some(byte),
            "firmware byte at {addr:#x} changed"
        );
    }
    let extra: Vec<u64> = merged
        .keys()
        .filter(|a| !fw.contains_key(a))
        .copied()
        .collect();
    assert_eq!(extra.first().copied(), Some(0x3D000));
    assert_eq!(extra.len(), 12 * 1024, "only the region was added");
    assert_eq!(
        text_start_record(&fw_text),
        text_start_record(&std::fs::read_to_string(&out).unwrap()),
        "start address record kept"
    );

    let region = img::read(&merged, 0x3D000, 12 * 1024);
    let ran = img::run_on_region(tmp.path(), &region, 1024, "dev", "import os\nprint(sorted(os.listdir('/flash')))\nsys.path[:0] = ['/flash']\nexec(open('/flash/main.py').read())");
    let src = common::run_vm(
        &dir,
        "import sys\nsys.path[:0] = ['.']\nexec(open('main.py').read())\n",
        &[],
    );
    assert_eq!(ran, format!("['greet.mpy', 'main.py']\n{src}"));
}

fn text_start_record(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.len() > 9 && matches!(&l[7..9], "03" | "05"))
        .map(str::to_string)
        .collect()
}

/// A pyboard-like firmware: vector table in sector 0, code from sector 5.
fn pyboard_firmware() -> (Vec<u8>, Vec<u8>) {
    (
        img::random_bytes(0x4000, 11),
        img::random_bytes(300 * 1024, 12),
    )
}

fn hex_of(parts: &[(u32, &[u8])]) -> String {
    let mut s = mpbuild::image::segments::Segments::new();
    for (a, d) in parts {
        s.insert(u64::from(*a), d).unwrap();
    }
    mpbuild::image::hexfile::write(&s, &[ihex::Record::StartLinearAddress(0x0802_0101)]).unwrap()
}

#[test]
fn stm32_fat_region_and_bin_and_elf_bases() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, project) = img::sensor_app(tmp.path());
    let (vectors, code) = pyboard_firmware();
    let base = tmp.path().join("PYBV11-20260101-v1.29.0.hex");
    std::fs::write(
        &base,
        hex_of(&[(0x0800_0000, &vectors), (0x0802_0000, &code)]),
    )
    .unwrap();
    let out = tmp.path().join("pyb.hex");
    let r = firmware::build(
        &project,
        &common::oracle(),
        &Cache::disabled(),
        &opts(&base, "PYBV11", &out),
        &NoProgress,
    )
    .unwrap();
    assert_eq!((r.region.addr, r.region.size), (0x0800_4000, 224 * 512));
    let (m, _) = img::hex_flash(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(img::read(&m, 0x0800_0000, vectors.len()), vectors);
    assert_eq!(img::read(&m, 0x0802_0000, code.len()), code);
    let fat = img::read(&m, 0x0800_4000, 224 * 512);
    let ran = img::run_on_region(tmp.path(), &fat, 512, "vfs.VfsFat(dev)", img::RUN_MAIN);
    assert_eq!(ran, img::source_output(&app));

    // The same firmware as a flat .bin from 0x08000000 (0xff between the pieces) gives a flat .bin with
    // the same bytes as the HEX output.
    let mut flat = vectors.clone();
    flat.resize(0x20000, 0xff);
    flat.extend_from_slice(&code);
    let bin_base = tmp.path().join("firmware.bin");
    std::fs::write(&bin_base, &flat).unwrap();
    let bin_out = tmp.path().join("pyb.bin");
    firmware::build(
        &project,
        &common::oracle(),
        &Cache::disabled(),
        &opts(&bin_base, "PYBV11", &bin_out),
        &NoProgress,
    )
    .unwrap();
    let bin = std::fs::read(&bin_out).unwrap();
    assert_eq!(bin.len(), flat.len());
    assert_eq!(&bin[..0x4000], &vectors[..]);
    assert_eq!(
        &bin[0x4000..0x4000 + 224 * 512],
        &fat[..],
        "the .bin and HEX outputs hold the same FAT volume"
    );

    // And as an ELF file (one PT_LOAD per piece, by physical address): HEX output, same bytes.
    let elf_base = tmp.path().join("firmware.elf");
    std::fs::write(
        &elf_base,
        elf(&[(0x0800_0000, &vectors), (0x0802_0000, &code)]),
    )
    .unwrap();
    let elf_out = tmp.path().join("pyb-elf.hex");
    let r = firmware::build(
        &project,
        &common::oracle(),
        &Cache::disabled(),
        &opts(&elf_base, "PYBV11", &elf_out),
        &NoProgress,
    )
    .unwrap();
    assert_eq!(r.format, Format::Hex);
    let (m2, _) = img::hex_flash(&std::fs::read_to_string(&elf_out).unwrap());
    assert_eq!(m2, m);
}

/// A minimal ELF32 little-endian file with one PT_LOAD program header per piece.
fn elf(parts: &[(u32, &[u8])]) -> Vec<u8> {
    let ph = 52;
    let mut b = vec![0u8; ph + 32 * parts.len()];
    b[..4].copy_from_slice(b"\x7fELF");
    b[4] = 1;
    b[5] = 1;
    b[28..32].copy_from_slice(&(ph as u32).to_le_bytes());
    b[42..44].copy_from_slice(&32u16.to_le_bytes());
    b[44..46].copy_from_slice(&(parts.len() as u16).to_le_bytes());
    for (i, (addr, data)) in parts.iter().enumerate() {
        let off = b.len() as u32;
        let h = ph + 32 * i;
        b[h..h + 4].copy_from_slice(&1u32.to_le_bytes());
        b[h + 4..h + 8].copy_from_slice(&off.to_le_bytes());
        b[h + 8..h + 12].copy_from_slice(&(0x2000_0000 + i as u32).to_le_bytes());
        b[h + 12..h + 16].copy_from_slice(&addr.to_le_bytes());
        b[h + 16..h + 20].copy_from_slice(&(data.len() as u32).to_le_bytes());
        b.extend_from_slice(data);
    }
    b
}
