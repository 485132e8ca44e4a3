//! `bench-native`: how fast mpyc compiles the native/viper corpus (`tests/corpus/native`) compared with
//! the real mpy-cross binary, for every architecture of [`ARCHES`] (x64, x86, the Thumb targets, armv6,
//! xtensawin, xtensa, rv32imc with and without zba,zcmp), with one row per architecture and a total.
//!
//! Each program is compiled with the flags of its `# mpy-cross <flags>` header (`ARCH` replaced), once per
//! process and sequentially, by mpy-cross and by mpyc (writing a file, and writing to stdout: mpyc's file
//! writer syncs the file to disk, mpy-cross's does not); the library is also timed in-process. Programs
//! mpy-cross refuses or aborts on are included (both compilers do that work too). Each measurement is the
//! best of `--runs` runs.
//!
//! usage: bench-native [--mpyc PATH] [--runs N]   (`scripts/bench-native` builds release and runs it)

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mpy_tests::repo_root;

/// The `-march=` values benchmarked (a new native backend is one more entry), with `+<flags>` for a
/// `-march-flags=<flags>` setting.
const ARCHES: &[&str] = &[
    "x64",
    "x86",
    "armv6m",
    "armv7m",
    "armv7em",
    "armv7emsp",
    "armv7emdp",
    "armv6",
    "xtensawin",
    "xtensa",
    "rv32imc",
    "rv32imc+zba,zcmp",
];

struct Job {
    arch: &'static str,
    file: String,
    flags: Vec<String>,
    source: Vec<u8>,
}

fn jobs() -> Vec<Job> {
    let dir = repo_root().join("tests/corpus/native");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "py")).collect())
        .unwrap_or_default();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let Ok(source) = std::fs::read(&path) else { continue };
        let text = String::from_utf8_lossy(&source).to_string();
        let Some(flags) = text.lines().next().and_then(|l| l.strip_prefix("# mpy-cross ")) else { continue };
        let file = path.file_name().unwrap_or_default().to_string_lossy().to_string();
        for &arch in ARCHES {
            let (march, arch_flags) = arch.split_once('+').map_or((arch, None), |(a, f)| (a, Some(f)));
            let mut flags: Vec<String> = flags.split_whitespace().map(|f| f.replace("ARCH", march)).collect();
            flags.extend(arch_flags.map(|f| format!("-march-flags={f}")));
            out.push(Job { arch, file: file.clone(), flags, source: source.clone() });
        }
    }
    out
}

/// Compiles each job in its own process, writing the `.mpy` to `out` (`-` is stdout, discarded).
fn per_process(compiler: &Path, jobs: &[&Job], out: &Path) -> Duration {
    let dir = repo_root().join("tests/corpus/native");
    let start = Instant::now();
    for j in jobs {
        let _ = Command::new(compiler)
            .args(&j.flags)
            .arg(&j.file)
            .arg("-o")
            .arg(out)
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    start.elapsed()
}

fn options(j: &Job) -> mpy_vm::CompileOptions {
    let mut o = mpy_vm::CompileOptions { source_name: j.file.clone(), ..Default::default() };
    let mut it = j.flags.iter();
    while let Some(f) = it.next() {
        if let Some(a) = f.strip_prefix("-march=") {
            o.arch = mpy_vm::Arch::from_name(a);
        } else if let Some(list) = f.strip_prefix("-march-flags=") {
            // RISC-V extensions: bit 0 zba, bit 1 zcmp.
            o.arch_flags = list
                .split(',')
                .map(|x| match x {
                    "zba" => 1,
                    "zcmp" => 2,
                    _ => 0,
                })
                .fold(0, |a, b| a | b);
        } else if f == "-X" {
            o.emit = match it.next().map(String::as_str) {
                Some("emit=native") => mpy_vm::EmitOpt::Native,
                Some("emit=viper") => mpy_vm::EmitOpt::Viper,
                _ => mpy_vm::EmitOpt::Bytecode,
            };
        }
    }
    o
}

fn in_process(jobs: &[&Job]) -> Duration {
    let opts: Vec<mpy_vm::CompileOptions> = jobs.iter().map(|j| options(j)).collect();
    let start = Instant::now();
    for (j, o) in jobs.iter().zip(&opts) {
        let _ = mpy_tests::catch_panic(|| mpy_vm::compile_to_mpy(&j.source, o));
    }
    start.elapsed()
}

fn main() {
    let exe_dir = std::env::current_exe().ok().and_then(|p| p.parent().map(Path::to_path_buf)).unwrap_or_default();
    let mut mpyc = exe_dir.join("mpyc");
    let mut runs = 3usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next()) {
            ("--mpyc", Some(v)) => mpyc = std::fs::canonicalize(&v).unwrap_or_else(|_| PathBuf::from(v)),
            ("--runs", Some(v)) => runs = v.parse().unwrap_or(3),
            _ => {
                eprintln!("usage: bench-native [--mpyc PATH] [--runs N]");
                std::process::exit(2);
            }
        }
    }
    if !mpyc.is_file() {
        eprintln!("bench-native: no mpyc at {} (cargo build --release -p mpy-vm --bin mpyc)", mpyc.display());
        std::process::exit(2);
    }
    let mpy_cross = mpy_tests::oracles::oracles().mpy_cross.clone();
    let jobs = jobs();
    let tmp = tempfile::tempdir().expect("temporary directory");
    let out = tmp.path().join("out.mpy");
    let best = |f: &dyn Fn() -> Duration| (0..runs.max(1)).map(|_| f()).min().unwrap_or_default();
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64().max(1e-9);
    let ms = |d: Duration, n: usize| 1e3 * d.as_secs_f64() / n.max(1) as f64;

    println!("native corpus: {} compilations ({} architectures), best of {runs} runs", jobs.len(), ARCHES.len());
    println!("one process per compilation, -o file; per compilation:");
    println!("{:<17} {:>6} {:>11} {:>11} {:>11} {:>11}", "arch", "files", "mpy-cross", "mpyc", "mpyc/cross", "lib/cross");
    let (mut cross, mut ours, mut lib) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for &arch in ARCHES {
        let subset: Vec<&Job> = jobs.iter().filter(|j| j.arch == arch).collect();
        let c = best(&|| per_process(&mpy_cross, &subset, &out));
        let o = best(&|| per_process(&mpyc, &subset, &out));
        let l = best(&|| in_process(&subset));
        println!(
            "{:<17} {:>6} {:>8.3} ms {:>8.3} ms {:>10.2}x {:>10.2}x",
            arch,
            subset.len(),
            ms(c, subset.len()),
            ms(o, subset.len()),
            ratio(o, c),
            ratio(l, c)
        );
        cross += c;
        ours += o;
        lib += l;
    }
    println!(
        "{:<17} {:>6} {:>8.3} ms {:>8.3} ms {:>10.2}x {:>10.2}x",
        "all",
        jobs.len(),
        ms(cross, jobs.len()),
        ms(ours, jobs.len()),
        ratio(ours, cross),
        ratio(lib, cross)
    );
    let all: Vec<&Job> = jobs.iter().collect();
    let stdout = Path::new("-");
    let cross_stdout = best(&|| per_process(&mpy_cross, &all, stdout));
    let ours_stdout = best(&|| per_process(&mpyc, &all, stdout));
    println!(
        "all, -o - (stdout): mpy-cross {:.3} ms, mpyc {:.3} ms per compilation, {:.2}x",
        ms(cross_stdout, jobs.len()),
        ms(ours_stdout, jobs.len()),
        ratio(ours_stdout, cross_stdout)
    );
    println!("in process (mpy_vm library), all: {:.3} ms per compilation", ms(lib, jobs.len()));
}
