//! Bad input: random edit storms (out-of-range positions, positions inside surrogate pairs, reversed
//! ranges, invalid text) must never crash the server or stop it answering, and memory must stay flat.

use rand::{rngs::StdRng, Rng, SeedableRng};
use serde_json::json;

use crate::support::{rss_kb, TestClient};

const URI: &str = "file:///storm.py";

const PIECES: &[&str] = &[
    "", "x", "\n", "\r\n", "\r", "    ", "def f(a, b):\n", "for i in range(10):\n", "    t += abs(i)\n", "(((", ")]}",
    "'''", "\"", "é", "😀", "\u{0}", "\t", "@micropython.viper\n", "return", " = ", "import time\n", "X = 5\n",
    "time.sleep_ms(1)\n", "lambda: [", "# noqa: MP103\n", "if x:\n    pass\nelse:\n", "\\", "\u{feff}",
];

fn random_text(rng: &mut StdRng) -> String {
    let n = rng.gen_range(0..4);
    (0..n).map(|_| PIECES[rng.gen_range(0..PIECES.len())]).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_random_edits_never_crash_and_memory_stays_flat() {
    let mut c = TestClient::push().await;
    let mut rng = StdRng::seed_from_u64(0x5eed);
    let start = "import time\n\ndef f(xs):\n    t = 0\n    for x in xs:\n        t += abs(x)  # é😀\n    return t\n";
    c.open(URI, start).await;
    c.diagnostics_for(URI, 1).await;
    let mut version = 1;
    let mut rss_after_warmup = 0;
    for i in 0..10_000 {
        version += 1;
        let line = rng.gen_range(0..40u32);
        let ch = rng.gen_range(0..60u32);
        let end_line = if rng.gen_bool(0.2) { rng.gen_range(0..u32::MAX) } else { line + rng.gen_range(0..3) };
        let end_ch = rng.gen_range(0..80u32);
        let change = if rng.gen_bool(0.02) {
            json!({"text": start})
        } else {
            json!({"range": {"start": {"line": line, "character": ch}, "end": {"line": end_line, "character": end_ch}}, "text": random_text(&mut rng)})
        };
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}))
            .await;
        // Keep the text small enough for the test's time: reset it now and then.
        if c.text(URI).len() > 4000 {
            version += 1;
            c.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": start}]}),
            )
            .await;
        }
        if i % 10 == 5 {
            // Requests at random (often invalid) positions analyse the current state of the storm.
            let p = json!({"line": rng.gen_range(0..50u32), "character": rng.gen_range(0..100u32)});
            let h = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": p})).await;
            assert!(h.is_null() || h.get("contents").is_some());
            let a = c
                .request(
                    "textDocument/codeAction",
                    json!({"textDocument": {"uri": URI}, "range": {"start": p, "end": p}, "context": {"diagnostics": []}}),
                )
                .await;
            assert!(a.is_array());
        }
        if i % 500 == 499 {
            // The server still answers, and catches up with the latest version.
            let h = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}})).await;
            assert!(h.is_null() || h.get("contents").is_some());
            c.diagnostics_for(URI, version).await;
        }
        if i == 1999 {
            rss_after_warmup = rss_kb();
        }
    }
    let rss_end = rss_kb();
    eprintln!("storm: RSS {rss_after_warmup} kB after 2,000 edits, {rss_end} kB after 10,000");
    assert!(
        rss_end < rss_after_warmup + 20_000,
        "memory grew from {rss_after_warmup} kB to {rss_end} kB over 8,000 edits"
    );
    // Out-of-range and surrogate-splitting ranges clamp: the text is still valid UTF-8 and parseable by the
    // line index, and a final full replacement is honoured exactly.
    version += 1;
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": "X = 1\n"}]}))
        .await;
    let d = c.diagnostics_for(URI, version).await;
    assert_eq!(d.len(), 1);
    assert_eq!(c.text(URI), "X = 1\n");
    c.shutdown().await;
}
