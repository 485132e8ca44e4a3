//! Benchmark of `mpbuild image`: the time to build a whole firmware image (compile, filesystem or ROMFS,
//! merge, write) for the example project and for a generated 200-module project, on synthesised RP2040
//! (UF2, littlefs region) and ESP32 (merged .bin, new ROMFS partition) bases. The anchor is
//! `mpremote romfs build` of the same project (mpremote's ROMFS builder compiles with mpy-cross and writes
//! only the ROMFS image, not a firmware): the ratio is printed. Times are printed, never asserted.
//!
//! usage: cargo run --release -p mpbuild --example bench_image -- [--runs N]   (or scripts/bench-image)

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use mpbuild::boards;
use mpbuild::cache::Cache;
use mpbuild::compiler::BuiltIn;
use mpbuild::image::firmware::{self, ImageOptions};
use mpbuild::image::place::{Placement, RegionOverride};
use mpbuild::progress::NoProgress;
use mpbuild::Project;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

fn bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// A UF2 of `data` at the RP2040 XIP base.
fn uf2(data: &[u8]) -> Vec<u8> {
    let n = data.len().div_ceil(256) as u32;
    let mut out = Vec::new();
    for (i, c) in data.chunks(256).enumerate() {
        for v in [0x0A32_4655u32, 0x9E5D_5157, 0x2000, 0x1000_0000 + 256 * i as u32, 256, i as u32, n, 0xe48b_ff56] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let mut d = c.to_vec();
        d.resize(476, 0);
        out.extend_from_slice(&d);
        out.extend_from_slice(&0x0AB1_6F30u32.to_le_bytes());
    }
    out
}

/// An ESP32 merged image: bootloader header at file offset 0 (flash 0x1000), partition table, app.
fn esp32() -> Vec<u8> {
    let parts = [("nvs", 1u8, 2u8, 0x9000u32, 0x6000u32), ("phy_init", 1, 1, 0xf000, 0x1000), ("factory", 0, 0, 0x10000, 0x1F0000), ("vfs", 1, 0x81, 0x200000, 0x200000)];
    let list: Vec<mpbuild::image::esp::Part> = parts.iter().map(|(n, t, s, o, z)| mpbuild::image::esp::Part { name: (*n).into(), ty: *t, subtype: *s, offset: *o, size: *z, flags: 0 }).collect();
    let table = mpbuild::image::esp::write_table(&list).unwrap_or_default();
    let mut f = vec![0xffu8; 0xF000];
    f[..0x4000].copy_from_slice(&bytes(0x4000, 1));
    f[0] = 0xE9;
    f[12] = 0;
    f[13] = 0;
    f[0x7000..0x7000 + table.len()].copy_from_slice(&table);
    let mut app = bytes(0x160000, 2);
    app[0] = 0xE9;
    f.extend_from_slice(&app);
    f
}

fn generated(dir: &Path, modules: usize) {
    std::fs::create_dir_all(dir.join("pkg")).ok();
    let mut main = String::new();
    for i in 0..modules {
        let body = format!(
            "import micropython\n\nCONST_{i} = {i}\n\nclass Thing{i}:\n    def __init__(self, n):\n        self.n = n\n    def total(self):\n        return sum(x * {i} for x in range(self.n))\n\ndef helper_{i}(values):\n    out = []\n    for v in values:\n        if v % 3 == 0:\n            out.append(v // 3)\n        else:\n            out.append(v * 2 + {i})\n    return out\n"
        );
        std::fs::write(dir.join(format!("pkg/mod_{i:03}.py")), body).ok();
        main.push_str(&format!("import pkg.mod_{i:03}\n"));
    }
    std::fs::write(dir.join("pkg/__init__.py"), "").ok();
    std::fs::write(dir.join("main.py"), main).ok();
    std::fs::write(dir.join("mpbuild.toml"), "name = \"gen\"\nentries = [\"main.py\"]\n[target]\nboard = \"RPI_PICO\"\n").ok();
}

fn best(runs: usize, mut f: impl FnMut() -> bool) -> Option<Duration> {
    let mut best: Option<Duration> = None;
    for _ in 0..runs {
        let t = Instant::now();
        if !f() {
            return None;
        }
        let d = t.elapsed();
        best = Some(best.map_or(d, |b| b.min(d)));
    }
    best
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs = args.iter().position(|a| a == "--runs").and_then(|i| args.get(i + 1)).and_then(|s| s.parse().ok()).unwrap_or(5);
    let venv = std::env::var_os("MPY_VENV").map_or_else(|| root().join(".venv"), PathBuf::from);
    let mpremote = std::env::var_os("MPREMOTE").map_or_else(|| venv.join("bin/mpremote"), PathBuf::from);
    let tmp = std::env::temp_dir().join(format!("mpbuild-bench-image-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).ok();
    let rp2 = tmp.join("rp2.uf2");
    std::fs::write(&rp2, uf2(&bytes(640 * 1024, 3))).ok();
    let esp = tmp.join("esp32.bin");
    std::fs::write(&esp, esp32()).ok();
    let gen = tmp.join("gen200");
    generated(&gen, 200);
    println!("mpbuild image benchmark (best of {runs}; built-in compiler, no cache)");
    println!("{:<22} {:>14} {:>14} {:>14} {:>16}", "project", "RP2040 .uf2", "ESP32 .bin", "ESP32 romfs", "mpremote romfs");
    for (name, dir) in [("sensor-app", root().join("examples/sensor-app")), ("generated 200 modules", gen.clone())] {
        let Ok(mut project) = Project::load(Some(&dir)) else {
            println!("{name}: cannot load the project");
            continue;
        };
        // mpbuild's native emitter does not drive the Thumb assembler yet: compile the example's viper
        // module for x64 (as the tests do) so the built-in compiler can build it.
        project.target.arch = Some(mpy_vm::Arch::X64);
        let mut cells = Vec::new();
        for (base, board, placement) in [(&rp2, "RPI_PICO", Placement::Auto), (&esp, "ESP32_GENERIC", Placement::Auto), (&esp, "ESP32_GENERIC", Placement::Romfs)] {
            let Ok(board) = boards::find(board, None) else { continue };
            let o = ImageOptions { base: base.clone(), board, output: tmp.join("out.img"), placement, region: RegionOverride::default(), format: None };
            let t = best(runs, || match firmware::build(&project, &BuiltIn, &Cache::disabled(), &o, &NoProgress) {
                Ok(_) => true,
                Err(e) => {
                    eprintln!("{name}: {e}");
                    false
                }
            });
            cells.push(t);
        }
        // The anchor: mpremote's ROMFS builder on a copy of the sources.
        let copy = tmp.join(format!("copy-{}", name.replace(' ', "-")));
        let _ = Command::new("cp").arg("-r").arg(&dir).arg(&copy).status();
        let anchor = best(runs, || {
            Command::new(&mpremote).args(["romfs", "-o"]).arg(tmp.join("anchor.romfs")).arg("build").arg(&copy).output().is_ok_and(|o| o.status.success())
        });
        let ms = |d: Option<Duration>| d.map_or_else(|| "failed".to_string(), |d| format!("{:.1} ms", d.as_secs_f64() * 1000.0));
        println!("{:<22} {:>14} {:>14} {:>14} {:>16}", name, ms(cells[0]), ms(cells[1]), ms(cells[2]), ms(anchor));
        if let (Some(a), Some(r)) = (anchor, cells[2]) {
            println!("{:<22} whole ESP32 image with ROMFS vs mpremote's ROMFS image alone: {:.2}x faster", "", a.as_secs_f64() / r.as_secs_f64());
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
