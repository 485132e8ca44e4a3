//! Times `mpy_vm::analysis::analyze` on one file (for profiling the server's per-edit cost).
#![allow(clippy::print_stdout)]

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        println!("usage: analyze_file FILE [RUNS]");
        return;
    };
    let runs: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(20);
    let text = std::fs::read_to_string(&path).expect("read file");
    let settings = mpy_vm::analysis::Settings::default();
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..runs {
        let t = Instant::now();
        n = mpy_vm::analysis::analyze(&text, &settings).diagnostics.len();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let t = Instant::now();
    let (_m, _e) = mpy_vm::syntax::parse_source_level(text.as_bytes());
    let parse = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let c = mpy_vm::compile(text.as_bytes(), &mpy_vm::CompileOptions::default());
    let compile = t.elapsed().as_secs_f64() * 1000.0;
    for rule in mpy_vm::analysis::Rule::ALL {
        let only = mpy_vm::analysis::Settings { select: Some(vec![*rule]), compile_diagnostics: false, ..Default::default() };
        let t = Instant::now();
        let k = mpy_vm::analysis::analyze(&text, &only).diagnostics.len();
        println!("  {}: {:.2} ms ({k} diagnostics, parse included)", rule.code(), t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "{n} diagnostics; analyze median {:.2} ms (min {:.2}); parse {parse:.2} ms; compile {compile:.2} ms (error: {:?})",
        times[times.len() / 2],
        times[0],
        c.error.map(|e| e.to_string())
    );
}
