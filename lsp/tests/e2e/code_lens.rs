//! `textDocument/codeLens`: a profile stored by `mpbuild profile` (`.mpbuild/profile.json`) shows on the
//! profiled functions, follows edits (functions are found by qualified name in the current text), and a
//! new profile file shows at the next request.

use serde_json::{json, Value};

use crate::support::TestClient;

const SOURCE: &str = "\
def slow(n):
    s = 0
    for i in range(n):
        s += i
    return s


class Sensor:
    def read(self):
        return slow(10)


def gen():
    yield 1
";

fn profile(slow_self_us: f64) -> Value {
    json!({
        "version": 1, "entry": "main.py", "ran_on": "local", "created": 0,
        "functions": [
            {"name": "main.slow", "calls": 20, "self_us": slow_self_us, "total_us": 50100.0, "self_share": 41.2,
             "file": "main.py", "line": 1, "qualified_name": "slow", "kind": "function"},
            {"name": "main.Sensor.read", "calls": 20, "self_us": 900.0, "total_us": 51000.0, "self_share": 0.7,
             "file": "main.py", "line": 9, "qualified_name": "Sensor.read", "kind": "function"},
            {"name": "main.gen", "calls": 2, "self_us": 8.0, "total_us": 8.0, "self_share": 0.0,
             "file": "main.py", "line": 13, "qualified_name": "gen", "kind": "generator"},
            {"name": "main.<module>", "calls": 1, "self_us": 70000.0, "total_us": 122000.0, "self_share": 58.0,
             "file": "main.py", "line": 1, "qualified_name": "<module>", "kind": "module"},
            {"name": "other.f", "calls": 1, "self_us": 1.0, "total_us": 1.0, "self_share": 0.0,
             "file": "other.py", "line": 1, "qualified_name": "f", "kind": "function"}
        ],
        "total_us": 121000.0, "run_us": 125000.0, "overhead": {}, "warnings": [], "hints": []
    })
}

fn lenses(v: &Value) -> Vec<(u64, String)> {
    let mut out: Vec<(u64, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["range"]["start"]["line"].as_u64().unwrap(), l["command"]["title"].as_str().unwrap().to_string()))
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn lenses_show_the_stored_profile_and_follow_edits() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".mpbuild")).unwrap();
    let store = dir.path().join(".mpbuild/profile.json");
    std::fs::write(&store, serde_json::to_vec(&profile(12345.0)).unwrap()).unwrap();
    let uri = format!("file://{}/main.py", dir.path().display());
    let mut c = TestClient::push().await;
    c.open(&uri, SOURCE).await;
    let got = lenses(&c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}})).await);
    assert_eq!(
        got,
        vec![
            (0, "12.3 ms self, 41 % · 20 calls · 50.1 ms total".to_string()),
            (8, "0.90 ms self, 1 % · 20 calls · 51.0 ms total".to_string()),
            (12, "0.01 ms self, 0 % · 2 resumes · 0.01 ms total".to_string()),
        ]
    );

    // Three lines inserted above: every lens moves down with its function.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "import time\n\n\n"}
        ]}),
    )
    .await;
    let moved = lenses(&c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}})).await);
    assert_eq!(moved.iter().map(|l| l.0).collect::<Vec<_>>(), [3, 11, 15]);
    // A function renamed in the editor no longer matches the profile: its lens goes.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
            {"range": {"start": {"line": 15, "character": 4}, "end": {"line": 15, "character": 7}}, "text": "generate"}
        ]}),
    )
    .await;
    let renamed = lenses(&c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}})).await);
    assert_eq!(renamed.iter().map(|l| l.0).collect::<Vec<_>>(), [3, 11]);

    // A new profile is read at the next request (its modification time changed).
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::write(&store, serde_json::to_vec(&profile(2000.0)).unwrap()).unwrap();
    std::fs::File::options().write(true).open(&store).unwrap().set_modified(later).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": format!("file://{}", store.display()), "type": 2}]})).await;
    let fresh = lenses(&c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}})).await);
    assert_eq!(fresh[0].1, "2.00 ms self, 41 % · 20 calls · 50.1 ms total");
    c.shutdown().await;
}

#[tokio::test]
async fn no_profile_no_lenses() {
    let dir = tempfile::tempdir().unwrap();
    let uri = format!("file://{}/main.py", dir.path().display());
    let mut c = TestClient::push().await;
    c.open(&uri, SOURCE).await;
    let got = c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}})).await;
    assert_eq!(got, Value::Null);
    c.shutdown().await;
}
