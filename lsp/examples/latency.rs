//! Benchmark (not a test): didChange → publishDiagnostics latency of `mpls` on a 2,000-line MicroPython
//! file, p50 and p95, and its RSS with 50 files open; `ruff server` on the same file and edits as the
//! anchor (full-document sync, as ruff's published numbers). A third measurement times edits that change
//! the compiler's verdict until the published diagnostics include it (mpls publishes its fast pass first).
//! Both servers run at once and take turns, a block of edits each, so that a slower stretch of the machine
//! falls on both alike.
//!
//! Run: `scripts/bench-lsp [EDITS]` (builds both in release mode; `ruff` is pinned in
//! `scripts/requirements.txt` and installed into the project venv by the setup).
//! Environment: `MPLS` (default: the release `mpls` next to this example), `RUFF` (default: the project
//! venv's `ruff`, `.venv/bin/ruff` from the repository root). Both servers run as child processes speaking
//! JSON-RPC over stdio. Besides latency it prints each server's CPU time per edit (user + system, from
//! `/proc`), which a busy machine disturbs less than wall-clock latency.
#![allow(clippy::print_stdout)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// A language server child process.
struct Peer {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
}

impl Peer {
    fn spawn(cmd: &mut Command) -> Peer {
        let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(if std::env::var_os("BENCH_STDERR").is_some() { Stdio::inherit() } else { Stdio::null() }).spawn().expect("spawn server");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let l = line.trim_end();
                    if l.is_empty() {
                        break;
                    }
                    if let Some(v) = l.strip_prefix("Content-Length: ") {
                        len = v.parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                if let Ok(v) = serde_json::from_slice::<Value>(&body) {
                    if tx.send(v).is_err() {
                        return;
                    }
                }
            }
        });
        Peer { child, stdin, rx, next_id: 1 }
    }

    fn send(&mut self, v: &Value) {
        let body = serde_json::to_vec(v).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        if params.is_null() {
            self.send(&json!({"jsonrpc": "2.0", "method": method}));
        } else {
            self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        if params.is_null() {
            self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method}));
        } else {
            self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        }
        loop {
            let v = self.recv();
            if v.get("method").is_none() && v["id"] == json!(id) {
                return v;
            }
        }
    }

    fn recv(&mut self) -> Value {
        let v = self.rx.recv_timeout(Duration::from_secs(60)).expect("server went quiet");
        if v.get("id").is_some() && v.get("method").is_some() {
            let reply = json!({"jsonrpc": "2.0", "id": v["id"], "result": null});
            self.send(&reply);
        }
        v
    }

    /// Waits for diagnostics of `uri` at `version`; returns how many there are.
    fn wait_diagnostics(&mut self, uri: &str, version: i64) -> usize {
        loop {
            let v = self.recv();
            if v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == uri {
                let pv = &v["params"]["version"];
                if pv == &json!(version) || pv.is_null() {
                    return v["params"]["diagnostics"].as_array().map_or(0, Vec::len);
                }
            }
        }
    }

    /// Waits for diagnostics of `uri` at `version` that satisfy `ok` (a server may publish a version more
    /// than once, e.g. mpls's fast diagnostics first and the compiler's after).
    fn wait_diagnostics_until(&mut self, uri: &str, version: i64, ok: impl Fn(&[Value]) -> bool) {
        loop {
            let v = self.recv();
            if v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == uri {
                let pv = &v["params"]["version"];
                if (pv == &json!(version) || pv.is_null()) && ok(v["params"]["diagnostics"].as_array().map_or(&[], Vec::as_slice)) {
                    return;
                }
            }
        }
    }

    fn initialize(&mut self, root: &str) {
        let r = self.request(
            "initialize",
            json!({"processId": std::process::id(), "rootUri": root, "capabilities": {"textDocument": {"publishDiagnostics": {}}},
                "initializationOptions": std::env::var("BENCH_SELECT").ok().map(|s| json!({"select": s.split(',').collect::<Vec<_>>()}))}),
        );
        assert!(r.get("result").is_some(), "initialize failed: {r}");
        self.notify("initialized", json!({}));
    }

    /// CPU time (user + system) the server process has used so far, in milliseconds.
    fn cpu_ms(&self) -> f64 {
        let s = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th.
        let rest = s.rsplit_once(')').map_or("", |(_, r)| r);
        let f: Vec<&str> = rest.split_whitespace().collect();
        let ticks: f64 = f.get(11).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0) + f.get(12).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
        ticks * 1000.0 / CLOCK_TICKS_PER_SEC
    }

    fn rss_kb(&self) -> u64 {
        let s = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        s.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok()).unwrap_or(0)
    }

    fn stop(mut self) {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        for _ in 0..50 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `sysconf(_SC_CLK_TCK)` on Linux.
const CLOCK_TICKS_PER_SEC: f64 = 100.0;

/// Files open when the resident memory is measured.
const OPEN_FILES: usize = 50;

/// A 2,000-line MicroPython program: drivers, loops over buffers, constants, classes.
fn program() -> String {
    let mut s = String::from("import time\nimport machine\nfrom micropython import const\n\n");
    let mut i = 0;
    while s.lines().count() < 2000 {
        s.push_str(&format!(
            "LIMIT_{i} = {n}\n_MASK_{i} = const(0xFF)\n\n\nclass Sensor{i}:\n    def __init__(self, pin):\n        self.pin = machine.Pin(pin)\n        self.buf = bytearray(16)\n        self.scale = {n}\n\n    def read(self, n):\n        total = 0\n        for k in range(n):\n            total += self.buf[k % 16] * self.scale\n            time.sleep_us(1)\n        return total & _MASK_{i}\n\n\ndef process_{i}(data):\n    counts = [0] * 16\n    out = []\n    for b in data:\n        counts[b & 15] += 1\n        out.append(abs(b - LIMIT_{i}))\n    return sum(counts), len(out)\n\n\n",
            n = i * 7 + 3
        ));
        i += 1;
    }
    s.lines().take(2000).map(|l| format!("{l}\n")).collect()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

/// Edits that keep the file valid: each changes the last digit of one `LIMIT_i = n` line (so every edit
/// changes the text and the diagnostics are computed again), sent as an incremental change or as the
/// whole text.
struct Typing {
    uri: String,
    lines: Vec<String>,
    incremental: bool,
    version: i64,
    times: Vec<f64>,
    /// Diagnostics in the first publish (after opening).
    diagnostics: usize,
    cpu_ms: f64,
}

impl Typing {
    fn open(peer: &mut Peer, uri: String, text: &str, incremental: bool) -> Typing {
        peer.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}}));
        let diagnostics = peer.wait_diagnostics(&uri, 1);
        Typing { uri, lines: text.lines().map(str::to_string).collect(), incremental, version: 1, times: Vec::new(), diagnostics, cpu_ms: 0.0 }
    }

    /// Times `n` more edits, and adds the server's CPU time over them.
    fn edits(&mut self, peer: &mut Peer, n: usize) {
        let cpu0 = peer.cpu_ms();
        for _ in 0..n {
            let k = self.times.len();
            self.version += 1;
            let line = (k * 37) % self.lines.len();
            let line = (line..self.lines.len()).chain(0..line).find(|&l| self.lines[l].starts_with("LIMIT_")).unwrap();
            let old = self.lines[line].clone();
            let new = if old.ends_with('1') { format!("{}2", &old[..old.len() - 1]) } else { format!("{}1", &old[..old.len() - 1]) };
            let col = old.len() - 1;
            self.lines[line] = new.clone();
            let change = if self.incremental {
                json!({"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}}, "text": &new[col..]})
            } else {
                json!({"text": self.lines.iter().map(|l| format!("{l}\n")).collect::<String>()})
            };
            let t0 = Instant::now();
            peer.notify("textDocument/didChange", json!({"textDocument": {"uri": &self.uri, "version": self.version}, "contentChanges": [change]}));
            peer.wait_diagnostics(&self.uri, self.version);
            self.times.push(t0.elapsed().as_secs_f64() * 1000.0);
        }
        self.cpu_ms += peer.cpu_ms() - cpu0;
    }

    fn result(&self) -> Run {
        let (p50, p95) = percentiles(&self.times);
        Run { p50, p95, cpu_per_edit: self.cpu_ms / self.times.len() as f64, diagnostics: self.diagnostics }
    }
}

/// p50 and p95 of some times.
fn percentiles(times: &[f64]) -> (f64, f64) {
    let mut sorted = times.to_vec();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (percentile(&sorted, 0.5), percentile(&sorted, 0.95))
}

/// True when the diagnostics include a `return` outside a function (mpy-cross's compile-stage
/// "SyntaxError: 'return' outside function", ruff's F706).
fn has_return_outside(diags: &[Value]) -> bool {
    diags.iter().any(|d| d["message"] == "SyntaxError: 'return' outside function" || d["code"] == "F706")
}

/// Latency to *complete* diagnostics when each edit changes what the compiler says: edits alternately
/// insert and delete a module-level `return K` line (K the edit's number: no text comes back, so no earlier
/// verdict can be reused) (valid syntax that only the compiler rejects), and each
/// is timed until a publish of its version reports the error (after an insertion) or no longer reports it
/// (after a deletion). For mpls this includes its compiler pass, which runs once the text has been still
/// for a moment; for ruff the one publish per version. mpls usually has the verdict with its fast pass: the
/// statements' verdicts are cached, and only the edited one is compiled (see `analysis::verdict`).
struct Verdicts {
    uri: String,
    at: usize,
    version: i64,
    times: Vec<f64>,
}

impl Verdicts {
    fn open(peer: &mut Peer, uri: String, text: &str) -> Verdicts {
        peer.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}}));
        peer.wait_diagnostics_until(&uri, 1, |d| !has_return_outside(d));
        let lines: Vec<&str> = text.lines().collect();
        let at = (lines.len() / 2..lines.len()).find(|&l| lines[l].starts_with("LIMIT_")).unwrap();
        Verdicts { uri, at, version: 1, times: Vec::new() }
    }

    fn edits(&mut self, peer: &mut Peer, n: usize) {
        let at = self.at;
        for _ in 0..n {
            let k = self.times.len();
            self.version += 1;
            let insert = k.is_multiple_of(2);
            let change = if insert {
                json!({"range": {"start": {"line": at, "character": 0}, "end": {"line": at, "character": 0}}, "text": format!("return {k}\n")})
            } else {
                json!({"range": {"start": {"line": at, "character": 0}, "end": {"line": at + 1, "character": 0}}, "text": ""})
            };
            let t0 = Instant::now();
            peer.notify("textDocument/didChange", json!({"textDocument": {"uri": &self.uri, "version": self.version}, "contentChanges": [change]}));
            peer.wait_diagnostics_until(&self.uri, self.version, |d| has_return_outside(d) == insert);
            self.times.push(t0.elapsed().as_secs_f64() * 1000.0);
        }
    }
}

/// One server's numbers.
struct Run {
    p50: f64,
    p95: f64,
    cpu_per_edit: f64,
    diagnostics: usize,
}

/// Turns per measurement: the servers take turns, a block of edits each, so that both see the same machine
/// (a slower stretch, another process) rather than one server the first half of the run and the other the
/// second. Few enough that the first edit of a turn (after the other server's turn: threads asleep, caches
/// cold) stays well under 5 % of the edits, so that it is not what the p95 measures.
const TURNS: usize = 10;

/// Turns of the measurement of the compiler's verdict (a quarter as many edits).
const COMPILE_TURNS: usize = 4;

/// Opens files until `OPEN_FILES` are open (`open` already are) and returns the server's resident memory in
/// MB: the highest seen while opening (sampled after each file's diagnostics) and once it is idle again.
fn rss_with_open_files(peer: &mut Peer, root: &str, text: &str, open: usize) -> (f64, f64) {
    let mut peak = peer.rss_kb();
    for k in open..OPEN_FILES {
        let u = format!("{root}/open{k}.py");
        peer.notify("textDocument/didOpen", json!({"textDocument": {"uri": u, "languageId": "python", "version": 1, "text": text}}));
        peer.wait_diagnostics(&u, 1);
        peak = peak.max(peer.rss_kb());
    }
    // Settle: background work after the last publish (the compiler's pass) and the allocator's return of
    // freed memory to the system (mimalloc purges after 1 s) are over well within 3 s.
    for _ in 0..30 {
        std::thread::sleep(Duration::from_millis(100));
        peak = peak.max(peer.rss_kb());
    }
    (peak as f64 / 1024.0, peer.rss_kb() as f64 / 1024.0)
}

fn print(name: &str, sync: &str, r: &Run) {
    println!(
        "{name:5} {sync:12} p50 {:6.2} ms   p95 {:6.2} ms   CPU {:5.2} ms per edit   ({} diagnostics)",
        r.p50, r.p95, r.cpu_per_edit, r.diagnostics
    );
}

fn main() {
    let edits: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(500).max(TURNS);
    let block = edits / TURNS;
    let edits = block * TURNS;
    let exe_dir = std::env::current_exe().ok().and_then(|p| p.parent().and_then(|d| d.parent()).map(PathBuf::from));
    let mpls = std::env::var_os("MPLS").map(PathBuf::from).or_else(|| exe_dir.map(|d| d.join("mpls"))).unwrap();
    let ruff = std::env::var_os("RUFF").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(".venv/bin/ruff"));
    let dir = std::env::temp_dir().join(format!("mpls-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let root = format!("file://{}", dir.display());
    let text = program();
    std::fs::write(dir.join("main.py"), &text).unwrap();
    let has_ruff = ruff.exists();
    println!(
        "file: {} lines, {} bytes; {edits} edits per server and sync kind (didChange -> publishDiagnostics), the servers taking turns every {block} edits",
        text.lines().count(),
        text.len()
    );

    let mut m = Peer::spawn(&mut Command::new(&mpls));
    m.initialize(&root);
    let mut r = has_ruff.then(|| {
        let mut r = Peer::spawn(Command::new(&ruff).arg("server"));
        r.initialize(&root);
        r
    });
    let mut m_inc = Typing::open(&mut m, format!("{root}/main.py"), &text, true);
    let mut m_full = Typing::open(&mut m, format!("{root}/full.py"), &text, false);
    let mut r_full = r.as_mut().map(|r| Typing::open(r, format!("{root}/main.py"), &text, false));
    let mut m_compile = Verdicts::open(&mut m, format!("{root}/compile.py"), &text);
    let mut r_compile = r.as_mut().map(|r| Verdicts::open(r, format!("{root}/compile.py"), &text));
    // Steady-state editing: the edits start once the servers have finished with the opened files (mpls: its
    // whole-file compiles and the verdicts of the statements, a few tens of ms for these files), as when a
    // user starts typing.
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..TURNS {
        m_inc.edits(&mut m, block);
        if let (Some(r), Some(t)) = (r.as_mut(), r_full.as_mut()) {
            t.edits(r, block);
        }
        m_full.edits(&mut m, block);
    }
    // The files just edited get the compiles mpls runs once a text has been still for a moment (250 ms):
    // let those finish first, so that this measurement, too, is of one file being edited at a time.
    std::thread::sleep(Duration::from_millis(800));
    // A quarter as many edits that change the compiler's verdict, in fewer turns (so that the first edit of
    // a turn stays under 5 % of them too), each an even number of edits (an insertion and its deletion).
    let compile_block = (edits / 4 / COMPILE_TURNS).max(2) & !1;
    let compile_edits = compile_block * COMPILE_TURNS;
    for _ in 0..COMPILE_TURNS {
        m_compile.edits(&mut m, compile_block);
        if let (Some(r), Some(v)) = (r.as_mut(), r_compile.as_mut()) {
            v.edits(r, compile_block);
        }
    }
    // Memory: one server at a time (opening 50 files is a burst of work).
    let (m_peak, m_rss) = rss_with_open_files(&mut m, &root, &text, 3);
    m.stop();
    let inc = m_inc.result();
    let full = m_full.result();
    let m_verdict = percentiles(&m_compile.times);
    print("mpls", "incremental", &inc);
    print("mpls", "full sync", &full);
    let print_compile = |name: &str, (p50, p95): (f64, f64)| {
        println!("{name:5} compiler     p50 {p50:6.2} ms   p95 {p95:6.2} ms   (until the diagnostics include the compiler's verdict; {compile_edits} edits)");
    };
    print_compile("mpls", m_verdict);

    let (Some(mut r), Some(r_full), Some(r_compile)) = (r, r_full, r_compile) else {
        println!("ruff not found at {} (set RUFF): no anchor", ruff.display());
        println!("mpls  RSS with {OPEN_FILES} files open: {m_rss:.1} MB (peak {m_peak:.1} MB while opening)");
        let _ = std::fs::remove_dir_all(&dir);
        return;
    };
    let version = Command::new(&ruff).arg("--version").output().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string()).unwrap_or_default();
    let (r_peak, r_rss) = rss_with_open_files(&mut r, &root, &text, 2);
    r.stop();
    let rf = r_full.result();
    let r_verdict = percentiles(&r_compile.times);
    print("ruff", "full sync", &rf);
    print_compile("ruff", r_verdict);
    println!("({version})");
    println!(
        "RSS with {OPEN_FILES} files open: mpls {m_rss:.1} MB (peak {m_peak:.1} MB while opening), ruff {r_rss:.1} MB (peak {r_peak:.1} MB)"
    );
    println!(
        "ratios mpls/ruff: p50 {:.2} (incremental) {:.2} (full), p95 {:.2} (incremental) {:.2} (full), compiler p95 {:.2}, CPU per edit {:.2}, RSS {:.2}",
        inc.p50 / rf.p50,
        full.p50 / rf.p50,
        inc.p95 / rf.p95,
        full.p95 / rf.p95,
        m_verdict.1 / r_verdict.1,
        inc.cpu_per_edit / rf.cpu_per_edit,
        m_rss / r_rss
    );
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    println!(
        "targets: p95 <= ruff's p95: {} (incremental), {} (full sync), {} (compiler's verdict); RSS <= 50 MB: {}",
        verdict(inc.p95 <= rf.p95),
        verdict(full.p95 <= rf.p95),
        verdict(m_verdict.1 <= r_verdict.1),
        verdict(m_rss <= 50.0)
    );
    if let Some(path) = std::env::var_os("BENCH_DUMP") {
        let dump = |name: &str, times: &[f64]| {
            let lines: String = times.iter().map(|t| format!("{t:.3}\n")).collect();
            let _ = std::fs::write(format!("{}-{name}", path.to_string_lossy()), lines);
        };
        dump("mpls-inc", &m_inc.times);
        dump("mpls-full", &m_full.times);
        dump("ruff-full", &r_full.times);
        dump("mpls-compiler", &m_compile.times);
        dump("ruff-compiler", &r_compile.times);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
