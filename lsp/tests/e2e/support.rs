//! The test client: runs `mpls` in-process over a duplex pipe and speaks raw JSON-RPC to it.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mpls::session::Session;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, WriteHalf};
use tokio::sync::mpsc;

pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct TestClient {
    writer: WriteHalf<DuplexStream>,
    rx: mpsc::UnboundedReceiver<Value>,
    /// Messages received but not consumed yet.
    pending: VecDeque<Value>,
    next_id: i64,
    /// The server's session, for checks the protocol cannot express (the text after an edit storm).
    pub session: Arc<Mutex<Session>>,
}

/// Writes one framed JSON-RPC message.
async fn send(w: &mut WriteHalf<DuplexStream>, v: &Value) {
    let body = serde_json::to_vec(v).unwrap();
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    w.write_all(header.as_bytes()).await.unwrap();
    w.write_all(&body).await.unwrap();
    w.flush().await.unwrap();
}

impl TestClient {
    /// Starts a server and a client connected to it (not initialised yet).
    pub fn start() -> Self {
        let (client_end, server_end) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_end);
        let (session, serve) = mpls::start(server_read, server_write);
        tokio::spawn(serve);
        let (client_read, writer) = tokio::io::split(client_end);
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            let mut r = BufReader::new(client_read);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).await.unwrap_or(0) == 0 {
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
                let mut body = vec![0u8; len.expect("Content-Length")];
                if r.read_exact(&mut body).await.is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&body).expect("server sent invalid JSON");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        TestClient { writer, rx, pending: VecDeque::new(), next_id: 1, session }
    }

    /// Starts and initialises with the given client capabilities, options and root.
    pub async fn initialized(capabilities: Value, options: Value, root: Option<&std::path::Path>) -> (Self, Value) {
        let mut c = TestClient::start();
        let root_uri = root.map(|p| format!("file://{}", p.display()));
        let res = c
            .request(
                "initialize",
                json!({"processId": null, "rootUri": root_uri, "capabilities": capabilities, "initializationOptions": options}),
            )
            .await;
        c.notify("initialized", json!({})).await;
        (c, res)
    }

    /// Initialised as a push-diagnostics client with default settings.
    pub async fn push() -> Self {
        TestClient::initialized(json!({}), json!(null), None).await.0
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        let msg = if params.is_null() {
            json!({"jsonrpc": "2.0", "method": method})
        } else {
            json!({"jsonrpc": "2.0", "method": method, "params": params})
        };
        send(&mut self.writer, &msg).await;
    }

    /// Sends a request without waiting; returns its id.
    pub async fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        let msg = if params.is_null() {
            json!({"jsonrpc": "2.0", "id": id, "method": method})
        } else {
            json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})
        };
        send(&mut self.writer, &msg).await;
        id
    }

    async fn recv(&mut self) -> Value {
        let v = tokio::time::timeout(TIMEOUT, self.rx.recv()).await.expect("timed out waiting for the server").expect("server closed");
        // Answer the server's own requests (registerCapability, diagnostic refresh) at once.
        if v.get("id").is_some() && v.get("method").is_some() {
            let reply = json!({"jsonrpc": "2.0", "id": v["id"], "result": null});
            send(&mut self.writer, &reply).await;
        }
        v
    }

    /// Waits for the response to request `id`: the whole message (`result` or `error`).
    pub async fn response(&mut self, id: i64) -> Value {
        if let Some(i) = self.pending.iter().position(|m| m.get("method").is_none() && m["id"] == json!(id)) {
            return self.pending.remove(i).unwrap();
        }
        loop {
            let v = self.recv().await;
            if v.get("method").is_none() && v["id"] == json!(id) {
                return v;
            }
            self.pending.push_back(v);
        }
    }

    /// Sends a request and returns its `result` (panics on an error response).
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params).await;
        let v = self.response(id).await;
        assert!(v.get("error").is_none(), "{method} failed: {v}");
        v["result"].clone()
    }

    /// Waits for the next notification with this method.
    pub async fn notification(&mut self, method: &str) -> Value {
        if let Some(i) = self.pending.iter().position(|m| m["method"] == json!(method) && m.get("id").is_none()) {
            return self.pending.remove(i).unwrap()["params"].clone();
        }
        loop {
            let v = self.recv().await;
            if v["method"] == json!(method) && v.get("id").is_none() {
                return v["params"].clone();
            }
            self.pending.push_back(v);
        }
    }

    /// Waits for the diagnostics published for `version` of `uri` (earlier versions are skipped).
    pub async fn diagnostics_for(&mut self, uri: &str, version: i64) -> Vec<Value> {
        loop {
            let p = self.notification("textDocument/publishDiagnostics").await;
            if p["uri"] == json!(uri) && p["version"] == json!(version) {
                return p["diagnostics"].as_array().cloned().unwrap_or_default();
            }
        }
    }

    /// True when no message is waiting (after a short grace period).
    pub async fn quiet(&mut self, ms: u64) -> bool {
        if !self.pending.is_empty() {
            return false;
        }
        tokio::time::timeout(Duration::from_millis(ms), self.rx.recv()).await.is_err()
    }

    pub async fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}}),
        )
        .await;
    }

    /// The server's current text of a document.
    pub fn text(&self, uri: &str) -> String {
        let s = self.session.lock().unwrap();
        s.documents.get(&uri.parse().unwrap()).map(|d| d.text.to_string()).unwrap_or_default()
    }

    pub async fn shutdown(mut self) {
        let r = self.request("shutdown", json!(null)).await;
        assert_eq!(r, json!(null));
        self.notify("exit", json!(null)).await;
    }
}

/// Applies LSP text edits (UTF-16 positions, all relative to the original text) to `text`.
pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let index = mpls::convert::LineIndex::new(text);
    let mut es: Vec<(u32, u32, String)> = edits
        .iter()
        .map(|e| {
            let r: tower_lsp::lsp_types::Range = serde_json::from_value(e["range"].clone()).unwrap();
            let t = index.text_range(text, r);
            (t.start, t.end, e["newText"].as_str().unwrap().to_string())
        })
        .collect();
    es.sort_by_key(|e| (e.0, e.1));
    let mut out = String::new();
    let mut pos = 0usize;
    for (s, e, t) in es {
        out.push_str(&text[pos..s as usize]);
        out.push_str(&t);
        pos = e as usize;
    }
    out.push_str(&text[pos..]);
    out
}

/// The edits of a code action's workspace edit for `uri`.
pub fn action_edits(action: &Value, uri: &str) -> Vec<Value> {
    action["edit"]["changes"][uri].as_array().cloned().unwrap_or_default()
}

/// Resident set size of this process in kB (Linux).
pub fn rss_kb() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
