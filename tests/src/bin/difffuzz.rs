//! `difffuzz`: the differential fuzzer's command line. Generates programs from consecutive seeds, compiles
//! each with `mpy_vm` and mpy-cross, and prints the count and every (minimised) difference.
//!
//!     difffuzz [--count N] [--seed S] [--threads T] [--save DIR] [--no-minimise] [--show SEED]
//!
//! `--save DIR` writes each finding as a regression program (`tests/fuzz-findings/` is what
//! `tests/tests/fuzz_findings.rs` checks). `--show SEED` prints one generated program and its options.
//! Exit status 1 when anything differed.

use std::path::PathBuf;
use std::time::Instant;

use mpy_tests::difffuzz::{run_many, Case, Report, RunOptions};

fn main() {
    let mut o = RunOptions { first_seed: 1, count: 2000, threads: 2, minimise: true, save_to: None, progress_every: 5000 };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage(&format!("{a} needs a value")));
        match a.as_str() {
            "--count" => o.count = value().parse().unwrap_or_else(|_| usage("--count takes a number")),
            "--seed" => o.first_seed = value().parse().unwrap_or_else(|_| usage("--seed takes a number")),
            "--threads" => o.threads = value().parse().unwrap_or_else(|_| usage("--threads takes a number")),
            "--save" => o.save_to = Some(PathBuf::from(value())),
            "--no-minimise" => o.minimise = false,
            "--show" => {
                let seed: u64 = value().parse().unwrap_or_else(|_| usage("--show takes a seed"));
                let c = Case::generate(seed);
                print!("{}", c.finding_text("generated"));
                return;
            }
            _ => usage(&format!("unknown argument {a}")),
        }
    }
    let t0 = Instant::now();
    let progress = |r: &Report| {
        eprintln!(
            "difffuzz: {} programs, {} same bytes, {} same error, {} findings ({:.0} programs/s)",
            r.programs,
            r.same_bytes,
            r.same_error,
            r.findings.len() as u64 + r.duplicates,
            r.programs as f64 / t0.elapsed().as_secs_f64()
        )
    };
    let r = match run_many(&o, &progress) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("difffuzz: error: {e}");
            std::process::exit(2);
        }
    };
    for f in &r.findings {
        println!("== seed {} ({:?}, {}): {}", f.case.seed, f.kind, f.case.args().join(" "), f.summary);
        println!("{}", f.minimal.trim_end());
    }
    println!(
        "difffuzz: {} programs (seeds {}..{}) in {:.1}s: {} same bytes, {} same error text, {} distinct findings, {} duplicates",
        r.programs,
        o.first_seed,
        o.first_seed + o.count,
        t0.elapsed().as_secs_f64(),
        r.same_bytes,
        r.same_error,
        r.findings.len(),
        r.duplicates
    );
    if !r.unavailable.is_empty() {
        println!("difffuzz: mpy-cross gave no answer for {} programs: {:?}", r.unavailable.len(), r.unavailable);
    }
    if !r.findings.is_empty() {
        std::process::exit(1);
    }
}

fn usage(msg: &str) -> ! {
    eprintln!("difffuzz: {msg}\nusage: difffuzz [--count N] [--seed S] [--threads T] [--save DIR] [--no-minimise] [--show SEED]");
    std::process::exit(2);
}
