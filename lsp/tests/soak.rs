//! Soak test of the `mpls` binary over stdio, as an editor runs it: 10,000 random operations (edits with
//! valid and invalid positions, opens and closes, configuration changes, hover, code actions, pulled
//! diagnostics, unknown methods, and requests cancelled right after they are sent). Every request must get
//! a response (a result, or an error such as "cancelled"), the server must stay up, and its resident memory
//! (`VmRSS` of the child process) at the end must be within 20 % of what it was after the first 1,000.

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use rand::{rngs::StdRng, Rng, SeedableRng};
use serde_json::{json, Value};

const OPS: usize = 10_000;
const WARMUP: usize = 1_000;
const TIMEOUT: Duration = Duration::from_secs(60);

const PIECES: &[&str] = &[
    "", "x", "\n", "\r\n", "\r", "    ", "def f(a, b):\n", "for i in range(10):\n", "    t += abs(i)\n", "(((", ")]}",
    "'''", "\"", "é", "😀", "\u{0}", "\t", "@micropython.viper\n", "@micropython.native\n", "return", " = ",
    "import time\n", "X = const(5)\n", "time.sleep_ms(1)\n", "lambda: [", "# noqa: MP103\n", "if x:\n    pass\nelse:\n",
    "\\", "\u{feff}", "s = s + 'x'\n", "l = [i * 2 for i in range(100)]\n", "global g\n", "class C:\n    def m(self): pass\n",
];

const START: &str = "import time\nfrom micropython import const\n\nN = const(10)\n\ndef f(xs):\n    t = 0\n    for x in xs:\n        t += abs(x)  # é😀\n    s = ''\n    for i in range(N):\n        s = s + str(i)\n    return t\n\n@micropython.native\ndef g(a, b):\n    return a * b\n";

/// The server as a child process, and everything it sent, read on a thread.
struct Server {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
    /// Requests sent and not answered yet.
    open: HashMap<i64, String>,
    /// Messages received but not consumed.
    backlog: VecDeque<Value>,
    answered: usize,
    cancelled_answers: usize,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mpls"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the mpls binary");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0u8; len.expect("the server sent a message without Content-Length")];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&body).expect("the server sent invalid JSON");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Server { child, stdin, rx, next_id: 1, open: HashMap::new(), backlog: VecDeque::new(), answered: 0, cancelled_answers: 0 }
    }

    fn send(&mut self, v: &Value) {
        let body = serde_json::to_vec(v).expect("json");
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).expect("write to mpls");
        self.stdin.write_all(&body).expect("write to mpls");
        self.stdin.flush().expect("flush to mpls");
    }

    /// A message with `params` left out when null (`shutdown` and `exit` take none).
    fn message(method: &str, id: Option<i64>, params: Value) -> Value {
        let mut m = json!({"jsonrpc": "2.0", "method": method});
        if let Some(id) = id {
            m["id"] = json!(id);
        }
        if !params.is_null() {
            m["params"] = params;
        }
        m
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&Self::message(method, None, params));
    }

    fn request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.open.insert(id, method.to_string());
        self.send(&Self::message(method, Some(id), params));
        id
    }

    /// Handles one message: answers the server's requests, records responses.
    fn handle(&mut self, v: Value) {
        if v.get("method").is_some() {
            if v.get("id").is_some() {
                // workspace/configuration, client/registerCapability, diagnostic refresh: answer at once.
                let result = if v["method"] == "workspace/configuration" { json!([null]) } else { json!(null) };
                self.send(&json!({"jsonrpc": "2.0", "id": v["id"], "result": result}));
            }
            return;
        }
        let id = v["id"].as_i64().unwrap_or_else(|| panic!("a response without a numeric id: {v}"));
        let method = self.open.remove(&id).unwrap_or_else(|| panic!("a response to request {id}, which is not open: {v}"));
        if let Some(e) = v.get("error") {
            // Cancelled requests may answer "cancelled"; unknown methods "method not found". Nothing else.
            let code = e["code"].as_i64().unwrap_or(0);
            assert!(code == -32800 || code == -32601, "{method} failed: {v}");
            if code == -32800 {
                self.cancelled_answers += 1;
            }
        } else {
            assert!(v.get("result").is_some(), "{method}: a response with neither result nor error: {v}");
        }
        self.answered += 1;
    }

    /// Reads until request `id` is answered.
    fn wait(&mut self, id: i64) {
        let deadline = Instant::now() + TIMEOUT;
        while self.open.contains_key(&id) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(v) => self.handle(v),
                Err(RecvTimeoutError::Timeout) => panic!("mpls did not answer request {id} ({}) in {TIMEOUT:?}", self.open[&id]),
                Err(RecvTimeoutError::Disconnected) => panic!("mpls exited: {:?}", self.child.try_wait()),
            }
        }
    }

    /// Handles whatever already arrived.
    fn drain(&mut self) {
        while let Ok(v) = self.rx.try_recv() {
            self.backlog.push_back(v);
        }
        while let Some(v) = self.backlog.pop_front() {
            self.handle(v);
        }
    }

    fn rss_kb(&self) -> u64 {
        let s = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        s.lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmRSS of the mpls process")
    }
}

fn random_text(rng: &mut StdRng) -> String {
    let n = rng.gen_range(0..4);
    (0..n).map(|_| PIECES[rng.gen_range(0..PIECES.len())]).collect()
}

fn position(rng: &mut StdRng) -> Value {
    if rng.gen_bool(0.1) {
        // Far past the end, or inside a surrogate pair's range of characters.
        json!({"line": rng.gen_range(0..u32::MAX), "character": rng.gen_range(0..u32::MAX)})
    } else {
        json!({"line": rng.gen_range(0..40u32), "character": rng.gen_range(0..80u32)})
    }
}

#[test]
fn ten_thousand_random_operations_over_stdio_all_answered_memory_flat() {
    let mut s = Server::start();
    let mut rng = StdRng::seed_from_u64(0x50a4);
    let init = s.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {"textDocument": {"diagnostic": {}}}, "initializationOptions": null}),
    );
    s.wait(init);
    s.notify("initialized", json!({}));
    let uris = ["file:///soak/a.py", "file:///soak/b.py", "file:///soak/c.py"];
    let mut versions: HashMap<&str, i64> = HashMap::new();
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    for u in &uris[..2] {
        s.notify("textDocument/didOpen", json!({"textDocument": {"uri": u, "languageId": "python", "version": 1, "text": START}}));
        versions.insert(u, 1);
        sizes.insert(u, START.len());
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut rss_warm = 0;
    let t0 = Instant::now();
    for i in 0..OPS {
        let uri = uris[rng.gen_range(0..uris.len())];
        let open = versions.contains_key(uri);
        let op = rng.gen_range(0..100);
        let kind = match op {
            0..=44 if open => {
                let v = versions[uri] + 1;
                versions.insert(uri, v);
                let text = random_text(&mut rng);
                let grow = sizes.get(uri).copied().unwrap_or(0) + text.len();
                let change = if grow > 6000 || rng.gen_bool(0.02) {
                    sizes.insert(uri, START.len());
                    json!({"text": START})
                } else {
                    sizes.insert(uri, grow);
                    json!({"range": {"start": position(&mut rng), "end": position(&mut rng)}, "text": text})
                };
                s.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [change]}));
                "edit"
            }
            45..=59 => {
                let id = s.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": position(&mut rng)}));
                s.wait(id);
                "hover"
            }
            60..=69 => {
                let (a, b) = (position(&mut rng), position(&mut rng));
                let id = s.request(
                    "textDocument/codeAction",
                    json!({"textDocument": {"uri": uri}, "range": {"start": a, "end": b}, "context": {"diagnostics": [], "only": if rng.gen_bool(0.3) { json!(["source.fixAll.mpls"]) } else { json!(null) }}}),
                );
                s.wait(id);
                "codeAction"
            }
            70..=79 => {
                let id = s.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
                s.wait(id);
                "diagnostic"
            }
            80..=87 => {
                // Cancelled at once: it must still be answered (a result, or the "cancelled" error).
                let method = ["textDocument/hover", "textDocument/diagnostic", "textDocument/codeAction"][rng.gen_range(0..3)];
                let p = position(&mut rng);
                let params = match method {
                    "textDocument/codeAction" => json!({"textDocument": {"uri": uri}, "range": {"start": p, "end": p}, "context": {"diagnostics": []}}),
                    "textDocument/hover" => json!({"textDocument": {"uri": uri}, "position": p}),
                    _ => json!({"textDocument": {"uri": uri}}),
                };
                let id = s.request(method, params);
                s.notify("$/cancelRequest", json!({"id": id}));
                s.wait(id);
                "cancelled"
            }
            88..=91 => {
                if open {
                    s.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
                    versions.remove(uri);
                    sizes.remove(uri);
                } else {
                    s.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": START}}));
                    versions.insert(uri, 1);
                    sizes.insert(uri, START.len());
                }
                "open/close"
            }
            92..=94 => {
                // Valid and invalid settings (an unknown arch is reported as a warning, not a failure).
                let arch = ["x64", "armv6m", "xtensawin", "rv32imc", "nonsense"][rng.gen_range(0..5)];
                let emit = ["bytecode", "native", "viper"][rng.gen_range(0..3)];
                s.notify(
                    "workspace/didChangeConfiguration",
                    json!({"settings": {"mpls": {"arch": arch, "emit": emit, "compileDiagnostics": rng.gen_bool(0.5), "ignore": ["MP103"]}}}),
                );
                "configuration"
            }
            95 => {
                let id = s.request("textDocument/nonsense", json!({"x": 1}));
                s.wait(id);
                "unknown method"
            }
            _ => {
                s.drain();
                "drain"
            }
        };
        *counts.entry(kind).or_default() += 1;
        if i + 1 == WARMUP {
            let id = s.request("textDocument/hover", json!({"textDocument": {"uri": uris[0]}, "position": {"line": 0, "character": 0}}));
            s.wait(id);
            rss_warm = s.rss_kb();
        }
    }
    // Everything asked was answered, and the server still works.
    let id = s.request("textDocument/diagnostic", json!({"textDocument": {"uri": uris[0]}}));
    s.wait(id);
    s.drain();
    let rss_end = s.rss_kb();
    assert!(s.open.is_empty(), "unanswered requests: {:?}", s.open);
    assert_eq!(s.answered as i64, s.next_id - 1, "every request sent has exactly one answer");
    let mut kinds: Vec<_> = counts.into_iter().collect();
    kinds.sort();
    eprintln!(
        "soak: {OPS} operations in {:.1}s {kinds:?}; {} requests answered ({} as cancelled); VmRSS {rss_warm} kB after {WARMUP}, {rss_end} kB at the end ({:+.1} %)",
        t0.elapsed().as_secs_f64(),
        s.answered,
        s.cancelled_answers,
        (rss_end as f64 / rss_warm as f64 - 1.0) * 100.0
    );
    let ratio = rss_end as f64 / rss_warm as f64;
    assert!((0.8..=1.2).contains(&ratio), "resident memory went from {rss_warm} kB to {rss_end} kB (not within 20 %)");
    let id = s.request("shutdown", json!(null));
    s.wait(id);
    s.notify("exit", json!(null));
    // Clients close the pipe after `exit` (mpls, through tower-lsp, only notices the end of its input).
    drop(s.stdin);
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = s.child.try_wait() {
            assert!(status.success(), "mpls exited with {status}");
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = s.child.kill();
    panic!("mpls did not exit after shutdown/exit");
}
