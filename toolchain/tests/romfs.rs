//! ROMFS images, built through the product path (our compiler), against the oracles: byte-for-byte equal to
//! `mpremote romfs build` (which compiles with mpy-cross) for the same inputs, and mounted with `vfs.VfsRom`
//! in the real MicroPython VM, running every module of the example (the viper one as x64 code) with the same
//! output as its sources.

mod common;

use std::path::Path;
use std::process::Command;

use mpbuild::cache::Cache;
use mpbuild::config::{Config, ConfigSource};
use mpbuild::image::romfs::{self, RomfsOptions};
use mpbuild::progress::NoProgress;
use mpbuild::Project;

fn project(dir: &Path, toml: &str) -> Project {
    let cfg = Config::parse(toml, &dir.join("mpbuild.toml")).unwrap();
    Project::from_config(dir, cfg, ConfigSource::Defaults).unwrap()
}

#[test]
fn bytecode_image_matches_mpremote_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let app = tmp.path().join("app");
    common::write_tree(
        &app,
        &[
            ("main.py", "import lib.util\nprint(lib.util.twice(21))\n"),
            ("lib/__init__.py", ""),
            ("lib/util.py", "def twice(x):\n    return 2 * x\n\nNAME = 'util'\n"),
            ("lib/zeta/deep.py", "X = (1, 2.5, 'a' * 3, b'bytes')\n"),
            ("a_first.py", "class A:\n    def f(self):\n        return [i for i in range(3)]\n"),
            ("data.txt", "not python\n"),
        ],
    );
    let img_ref = tmp.path().join("ref.romfs");
    let out = Command::new(common::mpremote())
        .args(["romfs", "-o"])
        .arg(&img_ref)
        .args(["build", "app"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "mpremote: {}", String::from_utf8_lossy(&out.stderr));
    let reference = std::fs::read(&img_ref).unwrap();

    // mpremote compiles every .py (main.py too), embeds `app/<path>` as the source name, and copies other files.
    let p = project(&app, "sources = [\"**/*\"]\nentries = []\n[romfs]\nsource-prefix = \"app/\"\n");
    let (ours, report) =
        romfs::build_project(&p, &common::compiler(), &Cache::disabled(), &RomfsOptions::default(), &NoProgress).unwrap();
    assert_eq!(report.files.len(), 6);
    if ours != reference {
        let a = romfs::parse_image(&ours).unwrap();
        let b = romfs::parse_image(&reference).unwrap();
        panic!("images differ\nours: {:?}\nmpremote: {:?}", names(&a), names(&b));
    }
}

fn names(v: &[(String, Vec<u8>)]) -> Vec<(String, usize)> {
    v.iter().map(|(p, d)| (p.clone(), d.len())).collect()
}

#[test]
fn example_image_mounts_and_runs_like_the_sources() {
    let tmp = tempfile::tempdir().unwrap();
    let app = common::copy_example(tmp.path());
    // The VM is the unix port on x64: compile the viper module for x64 instead of the Pico's armv6m.
    let mut p = Project::load(Some(&app)).unwrap();
    common::for_the_vm(&mut p);
    p.target.board = None;
    let img = tmp.path().join("app.romfs");
    let opts = RomfsOptions { partition_size: Some(262_144), source_prefix: None };
    let report = romfs::build_to(&p, &common::compiler(), &Cache::disabled(), &opts, &img, &NoProgress).unwrap();
    assert!(report.files.iter().any(|f| f.path == "lib/dsp/filter.mpy"));
    assert!(report.files.iter().any(|f| f.path == "main.py"), "main.py stays source");

    let from_rom = common::run_vm(
        tmp.path(),
        "import sys, vfs\nvfs.mount(vfs.VfsRom(open('app.romfs','rb').read()), '/rom')\n\
         sys.path[:0] = ['/rom', '/rom/lib']\n\
         import app, drivers.sensor, drivers.display, dsp, dsp.filter\n\
         assert app.__file__.startswith('/rom/'), app.__file__\n\
         assert dsp.filter.__file__ == '/rom/lib/dsp/filter.mpy', dsp.filter.__file__\n\
         exec(open('/rom/main.py').read())\n",
        &[],
    );
    let from_src = common::run_vm(
        &app,
        "import sys\nsys.path[:0] = ['.', 'lib']\nexec(open('main.py').read())\n",
        &[],
    );
    assert!(from_src.contains("avg"), "source run failed: {from_src}");
    assert_eq!(from_rom, from_src, "ROMFS run differs from the source run");
}

#[test]
fn image_larger_than_partition_is_refused_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tree(tmp.path(), &[("big.py", &format!("X = {:?}\n", "x".repeat(4000)))]);
    let p = project(tmp.path(), "[romfs]\npartition-size = 1024\n");
    let img = tmp.path().join("out.romfs");
    let e = romfs::build_to(&p, &common::compiler(), &Cache::disabled(), &RomfsOptions::default(), &img, &NoProgress)
        .unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::romfs::too_large");
    assert!(e.to_string().contains("partition holds 1024 bytes"), "{e}");
    assert!(!img.exists());
}

#[test]
fn board_without_romfs_partition_says_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tree(tmp.path(), &[("m.py", "x = 1\n")]);
    let p = project(tmp.path(), "[target]\nboard = \"RPI_PICO\"\n");
    let e = romfs::build_project(&p, &common::compiler(), &Cache::disabled(), &RomfsOptions::default(), &NoProgress)
        .unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::romfs::no_partition");
    // A board variant with a partition has its size from the table.
    let p = project(tmp.path(), "[target]\nboard = \"ESP8266_GENERIC\"\nvariant = \"FLASH_2M_ROMFS\"\n");
    assert_eq!(romfs::capacity(&p, &RomfsOptions::default()).unwrap(), Some(320 * 1024));
}

/// An earlier image survives a failed rebuild (too large): the new image is written whole or not at all.
#[test]
fn failed_rebuild_keeps_the_earlier_image() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tree(tmp.path(), &[("small.py", "X = 1\n")]);
    let img = tmp.path().join("out.romfs");
    let p = project(tmp.path(), "[romfs]\npartition-size = 2048\n");
    romfs::build_to(&p, &common::compiler(), &Cache::disabled(), &RomfsOptions::default(), &img, &NoProgress).unwrap();
    let before = std::fs::read(&img).unwrap();
    assert_eq!(romfs::parse_image(&before).unwrap().len(), 1);
    common::write_tree(tmp.path(), &[("big.py", &format!("X = {:?}\n", "x".repeat(4000)))]);
    let e = romfs::build_to(&p, &common::compiler(), &Cache::disabled(), &RomfsOptions::default(), &img, &NoProgress)
        .unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::romfs::too_large");
    assert_eq!(std::fs::read(&img).unwrap(), before);
    let names: Vec<String> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.starts_with(".mpbuild-tmp-")), "{names:?}");
}
