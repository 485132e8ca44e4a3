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
    if std::env::var_os("MEM").is_some() {
        // Memory per document: RSS growth while keeping `runs` analyses (tree, diagnostics) alive.
        let rss = || {
            let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
            s.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok()).unwrap_or(0.0)
        };
        let base = rss();
        let mut trees = Vec::new();
        for _ in 0..runs {
            trees.push(mpy_vm::syntax::parse_source_level(text.as_bytes()).0);
        }
        let t = rss();
        let mut diags = Vec::new();
        for _ in 0..runs {
            diags.push(mpy_vm::analysis::rule_diagnostics(&text, &trees[0], &settings));
        }
        let d = rss();
        println!("per document: tree {:.0} KB, diagnostics {:.0} KB", (t - base) / runs as f64, (d - t) / runs as f64);
        return;
    }
    if std::env::var_os("FAST_ONLY").is_some() {
        // For a profiler: only the editor's fast path, `runs` times.
        let mut cache = mpy_vm::analysis::chunks::ChunkCache::default();
        let t = Instant::now();
        let mut n = 0;
        for k in 0..runs {
            let edited: std::sync::Arc<str> = text.replacen("LIMIT_0 = 3", &format!("LIMIT_0 = {}", 4 + k), 1).into();
            n += mpy_vm::analysis::analyze_incremental(&edited, &settings, &mut cache, mpy_vm::analysis::Fixes::Skip).diagnostics.len();
        }
        println!("fast path: {:.3} ms per run ({n} diagnostics in all)", t.elapsed().as_secs_f64() * 1000.0 / runs as f64);
        return;
    }
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
    // The editor's fast path: chunk-cached parse + rules, after a one-character edit.
    let mut cache = mpy_vm::analysis::chunks::ChunkCache::default();
    let text_arc: std::sync::Arc<str> = text.as_str().into();
    let _ = mpy_vm::analysis::analyze_incremental(&text_arc, &settings, &mut cache, mpy_vm::analysis::Fixes::Skip);
    let mut fast = Vec::new();
    for k in 0..runs {
        let edited: std::sync::Arc<str> = text.replacen("LIMIT_0 = 3", &format!("LIMIT_0 = {}", 4 + k), 1).into();
        let t = Instant::now();
        let (module, _) = mpy_vm::analysis::chunks::parse_cached(&edited, &mut cache);
        let tp = t.elapsed().as_secs_f64() * 1000.0;
        let t2 = Instant::now();
        let d = mpy_vm::analysis::rule_diagnostics(&edited, &module, &settings);
        let tr = t2.elapsed().as_secs_f64() * 1000.0;
        fast.push((tp, tr, d.len()));
    }
    {
        let (module, _) = mpy_vm::analysis::chunks::parse_cached(&text_arc, &mut cache);
        let d = mpy_vm::analysis::rule_diagnostics(&text, &module, &settings);
        let t = Instant::now();
        let index = mpls::convert::LineIndex::new(&text);
        let lsp: Vec<_> = d.iter().map(|x| mpls::convert::diagnostic(&index, &text, x)).collect();
        let tc = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let json = serde_json::to_string(&lsp).unwrap();
        let ts = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        let tb = t.elapsed().as_secs_f64() * 1000.0;
        println!("to LSP {tc:.2} ms, serialise {ts:.2} ms ({} bytes), parse back {tb:.2} ms ({})", json.len(), back.is_array());
    }
    fast.sort_by(|a, b| (a.0 + a.1).partial_cmp(&(b.0 + b.1)).unwrap());
    let m = fast[fast.len() / 2];
    println!("fast path median: chunked parse {:.2} ms + rules {:.2} ms ({} diagnostics)", m.0, m.1, m.2);
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "{n} diagnostics; analyze median {:.2} ms (min {:.2}); parse {parse:.2} ms; compile {compile:.2} ms (error: {:?})",
        times[times.len() / 2],
        times[0],
        c.error.map(|e| e.to_string())
    );
}
