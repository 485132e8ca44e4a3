//! The build benchmark of issue 6, shared by `examples/bench_build.rs` (release, the real numbers) and
//! `tests/bench.rs` (the test command's run): a generated 200-module project, the cold build with mpbuild's
//! own compiler in process (rayon, all cores) against a per-file mpy-cross loop (one process per file, as
//! users script it), a no-op rebuild, and the ROMFS image build. Targets: ≥ 10× faster cold, ≤ 30 ms no-op.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use mpbuild::cache::Cache;
use mpbuild::compiler::BuiltIn;
use mpbuild::config::{Config, ConfigSource};
use mpbuild::image::romfs::{self, RomfsOptions};
use mpbuild::progress::NoProgress;

/// What was measured (medians over the runs).
#[derive(Clone, Debug)]
pub struct BuildBench {
    pub modules: usize,
    pub source_bytes: u64,
    pub threads: usize,
    pub mpy_cross_loop: Duration,
    pub cold: Duration,
    pub noop: Duration,
    pub romfs_cold: Duration,
    pub romfs_cached: Duration,
    pub image_bytes: usize,
    /// Every cold-build output equals the mpy-cross loop's.
    pub identical: usize,
}

pub const COLD_TARGET: f64 = 10.0;
pub const NOOP_TARGET_MS: f64 = 30.0;

impl BuildBench {
    pub fn cold_ratio(&self) -> f64 {
        self.mpy_cross_loop.as_secs_f64() / self.cold.as_secs_f64().max(1e-9)
    }

    pub fn targets_met(&self) -> bool {
        self.cold_ratio() >= COLD_TARGET && ms(self.noop) <= NOOP_TARGET_MS
    }

    /// The table, mpbuild and the mpy-cross loop side by side.
    pub fn table(&self, profile: &str) -> String {
        let mut s = format!(
            "build benchmark ({profile} build): {} generated modules, {} KB of Python, {} threads\n",
            self.modules,
            self.source_bytes / 1024,
            self.threads
        );
        s += &format!("{:<52} {:>10} {:>10} {:>8}\n", "", "mpbuild", "mpy-cross", "ratio");
        s += &format!(
            "{:<52} {:>8.1}ms {:>8.1}ms {:>7.1}x  (target >= {COLD_TARGET}x: {})\n",
            "cold build (in-process compiler) vs per-file loop",
            ms(self.cold),
            ms(self.mpy_cross_loop),
            self.cold_ratio(),
            if self.cold_ratio() >= COLD_TARGET { "met" } else { "MISSED" }
        );
        s += &format!(
            "{:<52} {:>8.1}ms {:>10} {:>8}  (target <= {NOOP_TARGET_MS} ms: {})\n",
            "no-op rebuild",
            ms(self.noop),
            "",
            "",
            if ms(self.noop) <= NOOP_TARGET_MS { "met" } else { "MISSED" }
        );
        s += &format!("{:<52} {:>8.1}ms\n", "ROMFS image, cold (compile + image)", ms(self.romfs_cold));
        s += &format!("{:<52} {:>8.1}ms  ({} bytes)\n", "ROMFS image, cached", ms(self.romfs_cached), self.image_bytes);
        s += &format!("outputs byte-identical to the mpy-cross loop's: {} of {}\n", self.identical, self.modules);
        s
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Writes the generated project: `modules` modules of a dozen functions and a class each, in packages of 20.
pub fn generate(root: &Path, modules: usize) -> u64 {
    let mut total = 0;
    for i in 0..modules {
        let dir = root.join(format!("pkg{}", i / 20));
        std::fs::create_dir_all(&dir).unwrap();
        let mut s = format!("# module {i}\nimport math\n\nCONST_{i} = {i}\n\n");
        for f in 0..8 {
            s += &format!(
                "def f{f}(x, y=2):\n    total = 0\n    for k in range(x):\n        if k % {m} == 0:\n            total += k * y\n        else:\n            total -= 1\n    return total + CONST_{i}\n\n",
                m = f + 2
            );
        }
        s += &format!(
            "class C{i}:\n    def __init__(self, v):\n        self.v = v\n\n    def get(self):\n        return [self.v * j for j in range(4)]\n\n    def scaled(self, k=1.5):\n        return {{'v': self.v, 'k': k, 's': 'x' * {i}}}\n"
        );
        total += s.len() as u64;
        std::fs::write(dir.join(format!("m{i}.py")), s).unwrap();
    }
    total
}

/// Runs the benchmark with `mpy_cross` as the anchor, `runs` times each (median).
pub fn run(mpy_cross: &Path, modules: usize, runs: usize) -> BuildBench {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("proj");
    let source_bytes = generate(&root, modules);
    let cfg = Config::parse("[romfs]\npartition-size = 16777216\n", &root.join("mpbuild.toml")).unwrap();
    let project = mpbuild::Project::from_config(&root, cfg, ConfigSource::Defaults).unwrap();
    let units = project.units().unwrap();
    assert_eq!(units.len(), modules);

    // The anchor: mpy-cross once per file, as a Makefile or a shell loop runs it.
    let loop_out = tmp.path().join("loop");
    let mut loop_times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        for u in &units {
            let out: PathBuf = loop_out.join(&u.out);
            std::fs::create_dir_all(out.parent().unwrap()).unwrap();
            let st = Command::new(mpy_cross).arg("-s").arg(&u.rel).arg(&u.abs).arg("-o").arg(&out).status().unwrap();
            assert!(st.success(), "mpy-cross failed on {}", u.rel);
        }
        loop_times.push(t.elapsed());
    }

    let compiler = BuiltIn;
    let out = tmp.path().join("out");
    let (mut cold, mut noop, mut romfs_cold, mut romfs_cached) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut image_bytes = 0;
    for r in 0..runs {
        // Cold: an empty cache and no earlier output.
        let cache = Cache::new(tmp.path().join(format!("cache{r}")));
        let _ = std::fs::remove_dir_all(&out);
        let t = Instant::now();
        let report = mpbuild::build::build(&project, &compiler, &cache, &out, &NoProgress).unwrap();
        cold.push(t.elapsed());
        assert_eq!(report.compiled, modules);
        let t = Instant::now();
        let report = mpbuild::build::build(&project, &compiler, &cache, &out, &NoProgress).unwrap();
        noop.push(t.elapsed());
        assert_eq!((report.compiled, report.written), (0, 0), "a no-op rebuild compiles and writes nothing");

        let fresh = Cache::new(tmp.path().join(format!("romfs-cache{r}")));
        let t = Instant::now();
        let (img, _) = romfs::build_project(&project, &compiler, &fresh, &RomfsOptions::default(), &NoProgress).unwrap();
        romfs_cold.push(t.elapsed());
        let t = Instant::now();
        let (img2, _) = romfs::build_project(&project, &compiler, &fresh, &RomfsOptions::default(), &NoProgress).unwrap();
        romfs_cached.push(t.elapsed());
        assert_eq!(img, img2);
        image_bytes = img.len();
    }
    let identical = units.iter().filter(|u| std::fs::read(out.join(&u.out)).ok() == std::fs::read(loop_out.join(&u.out)).ok()).count();
    BuildBench {
        modules,
        source_bytes,
        threads: rayon::current_num_threads(),
        mpy_cross_loop: median(loop_times),
        cold: median(cold),
        noop: median(noop),
        romfs_cold: median(romfs_cold),
        romfs_cached: median(romfs_cached),
        image_bytes,
        identical,
    }
}
