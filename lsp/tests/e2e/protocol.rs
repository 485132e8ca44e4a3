//! Every request and notification the server supports, over JSON-RPC.

use serde_json::{json, Value};

use crate::support::{action_edits, apply_edits, TestClient};

const URI: &str = "file:///work/app/main.py";

const SOURCE: &str = "import time

LED = 25


def total(xs):
    t = 0
    for x in xs:
        t += abs(x)
    return t


def wait(n):
    for _ in range(n):
        time.sleep_ms(1)
";

fn codes(diags: &[Value]) -> Vec<String> {
    diags.iter().map(|d| d["code"].as_str().unwrap_or("").to_string()).collect()
}

fn pos(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

#[tokio::test]
async fn initialize_reports_capabilities() {
    let (c, res) = TestClient::initialized(json!({}), json!(null), None).await;
    insta::assert_json_snapshot!("initialize", res);
    c.shutdown().await;
}

#[tokio::test]
async fn did_open_publishes_compile_and_rule_diagnostics() {
    let mut c = TestClient::push().await;
    c.open(URI, SOURCE).await;
    let diags = c.diagnostics_for(URI, 1).await;
    assert_eq!(codes(&diags), ["MP101", "MP103", "MP104"]);
    insta::assert_json_snapshot!("did_open_diagnostics", diags);
    c.shutdown().await;
}

#[tokio::test]
async fn syntax_error_is_reported_as_mpy_cross_does_and_the_rest_still_analysed() {
    let mut c = TestClient::push().await;
    let broken = SOURCE.replace("    return t\n", "    return t +\n");
    c.open(URI, &broken).await;
    let diags = c.diagnostics_for(URI, 1).await;
    assert_eq!(diags[0]["code"], "SyntaxError");
    assert_eq!(diags[0]["message"], "SyntaxError: invalid syntax");
    assert_eq!(diags[0]["severity"], 1);
    assert!(codes(&diags).contains(&"MP104".to_string()), "{diags:?}");
    c.shutdown().await;
}

#[tokio::test]
async fn did_change_applies_incremental_edits_in_order() {
    let mut c = TestClient::push().await;
    c.open(URI, SOURCE).await;
    c.diagnostics_for(URI, 1).await;
    // Line 8 is `        t += abs(x)`: replace `abs` by `int`, then insert a line, in two notifications.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [
            {"range": {"start": pos(8, 13), "end": pos(8, 16)}, "text": "int"}
        ]}),
    )
    .await;
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [
            {"range": {"start": pos(2, 0), "end": pos(2, 0)}, "text": "# é😀\n"},
            {"range": {"start": pos(0, 0), "end": pos(0, 6)}, "text": "import"}
        ]}),
    )
    .await;
    let diags = c.diagnostics_for(URI, 3).await;
    let expected = SOURCE.replace("abs(x)", "int(x)").replace("\nLED", "\n# é😀\nLED");
    assert_eq!(c.text(URI), expected);
    let msgs: Vec<&str> = diags.iter().map(|d| d["message"].as_str().unwrap()).collect();
    assert!(msgs.iter().any(|m| m.contains("`int`")), "{msgs:?}");
    // A full-text change (no range) replaces everything.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 4}, "contentChanges": [{"text": "X = 1\n"}]}),
    )
    .await;
    assert_eq!(codes(&c.diagnostics_for(URI, 4).await), ["MP101"]);
    c.shutdown().await;
}

#[tokio::test]
async fn did_close_clears_diagnostics() {
    let mut c = TestClient::push().await;
    c.open(URI, SOURCE).await;
    c.diagnostics_for(URI, 1).await;
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": URI}})).await;
    let p = c.notification("textDocument/publishDiagnostics").await;
    assert_eq!(p["diagnostics"], json!([]));
    assert_eq!(c.text(URI), "");
    c.shutdown().await;
}

#[tokio::test]
async fn pull_diagnostics_when_the_client_supports_them() {
    let caps = json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}});
    let (mut c, _) = TestClient::initialized(caps, json!(null), None).await;
    c.open(URI, SOURCE).await;
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": URI}})).await;
    assert_eq!(r["kind"], "full");
    assert_eq!(codes(r["items"].as_array().unwrap()), ["MP101", "MP103", "MP104"]);
    // Nothing is pushed to a pulling client.
    assert!(c.quiet(300).await);
    c.shutdown().await;
}

#[tokio::test]
async fn hover_shows_the_rule_doc_and_function_sizes() {
    let mut c = TestClient::push().await;
    c.open(URI, SOURCE).await;
    c.diagnostics_for(URI, 1).await;
    let h = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": pos(8, 14)})).await;
    let text = h["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("**MP103** `global-lookup-in-loop`"), "{text}");
    assert!(text.contains("## Why is this bad?"));
    let h = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": pos(5, 5)})).await;
    insta::assert_snapshot!("hover_function", h["contents"]["value"].as_str().unwrap());
    let h = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": pos(0, 0)})).await;
    assert_eq!(h, json!(null));
    c.shutdown().await;
}

#[tokio::test]
async fn code_action_quick_fixes_come_from_the_analysis_of_the_current_version() {
    let mut c = TestClient::push().await;
    c.open(URI, SOURCE).await;
    let diags = c.diagnostics_for(URI, 1).await;
    let d103 = diags.iter().find(|d| d["code"] == "MP103").unwrap().clone();
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": d103["range"], "context": {"diagnostics": [d103], "only": ["quickfix"]}}),
        )
        .await;
    let titles: Vec<&str> = actions.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Alias `abs` to local `_abs` before the loop", "Disable MP103 for this line"]);
    let fixed = apply_edits(SOURCE, &action_edits(&actions[0], URI));
    insta::assert_snapshot!("code_action_fixed", fixed);
    let noqa = apply_edits(SOURCE, &action_edits(&actions[1], URI));
    assert!(noqa.contains("t += abs(x)  # noqa: MP103\n"));
    // After an edit that moves the code, the old diagnostic matches nothing in the current analysis: its
    // fix (computed for the old text) is not offered; the fresh diagnostic's fix is.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [
            {"range": {"start": pos(0, 0), "end": pos(0, 0)}, "text": "import machine\n"}
        ]}),
    )
    .await;
    let fresh = c.diagnostics_for(URI, 2).await;
    let stale = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": d103["range"], "context": {"diagnostics": [d103], "only": ["quickfix"]}}),
        )
        .await;
    assert!(stale.as_array().unwrap().iter().all(|a| !a["title"].as_str().unwrap().starts_with("Alias")), "{stale}");
    let d103 = fresh.iter().find(|d| d["code"] == "MP103").unwrap().clone();
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": d103["range"], "context": {"diagnostics": [d103], "only": ["quickfix"]}}),
        )
        .await;
    assert_eq!(actions[0]["title"], "Alias `abs` to local `_abs` before the loop");
    c.shutdown().await;
}

#[tokio::test]
async fn code_action_assists_and_fix_all() {
    let mut c = TestClient::push().await;
    c.open(URI, SOURCE).await;
    c.diagnostics_for(URI, 1).await;
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": {"start": pos(5, 4), "end": pos(5, 4)}, "context": {"diagnostics": []}}),
        )
        .await;
    let titles: Vec<&str> = actions.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    // Native compiles `total`; viper does not (`xs` is an object), so only the native assist is offered.
    assert_eq!(titles, ["Time `total` with @timed_function", "Compile `total` with @micropython.native"]);
    let native = apply_edits(SOURCE, &action_edits(&actions[1], URI));
    assert!(native.contains("import micropython\n"), "{native}");
    assert!(native.contains("@micropython.native\ndef total(xs):\n"), "{native}");
    let all = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": {"start": pos(0, 0), "end": pos(0, 0)}, "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
        )
        .await;
    assert_eq!(all[0]["title"], "Apply 3 safe mpls fixes");
    insta::assert_snapshot!("fix_all", apply_edits(SOURCE, &action_edits(&all[0], URI)));
    c.shutdown().await;
}

#[tokio::test]
async fn configuration_from_init_options_did_change_configuration_and_project_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mpbuild.toml"), "[target]\narch = \"armv6m\"\n[lint]\nignore = [\"MP101\"]\n").unwrap();
    let (mut c, _) = TestClient::initialized(json!({}), json!({"severity": {"MP103": "error"}}), Some(dir.path())).await;
    let uri = format!("file://{}/main.py", dir.path().display());
    c.open(&uri, SOURCE).await;
    let diags = c.diagnostics_for(&uri, 1).await;
    assert_eq!(codes(&diags), ["MP103", "MP104"]);
    assert_eq!(diags[0]["severity"], 1);
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"mpls": {"select": ["MP104"]}}})).await;
    let diags = c.diagnostics_for(&uri, 1).await;
    assert_eq!(codes(&diags), ["MP104"]);
    // Clearing the client's settings falls back to the project file as read at start.
    std::fs::write(dir.path().join("mpbuild.toml"), "[lint]\nignore = [\"MP104\"]\n").unwrap();
    c.notify("workspace/didChangeConfiguration", json!({"settings": {}})).await;
    let diags = c.diagnostics_for(&uri, 1).await;
    assert_eq!(codes(&diags), ["MP103", "MP104"]);
    assert_eq!(diags[0]["severity"], 3);
    // Saving mpbuild.toml reloads it.
    let toml_uri = format!("file://{}/mpbuild.toml", dir.path().display());
    c.notify("textDocument/didSave", json!({"textDocument": {"uri": toml_uri}})).await;
    let diags = c.diagnostics_for(&uri, 1).await;
    assert_eq!(codes(&diags), ["MP101", "MP103"]);
    c.shutdown().await;
}

#[tokio::test]
async fn cancelled_requests_do_not_stop_the_server() {
    let mut c = TestClient::push().await;
    c.open(URI, SOURCE).await;
    c.diagnostics_for(URI, 1).await;
    let id = c.send_request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": pos(8, 14)})).await;
    c.notify("$/cancelRequest", json!({"id": id})).await;
    let r = c.response(id).await;
    // Either it finished first, or it was cancelled with RequestCancelled (-32800).
    assert!(r.get("result").is_some() || r["error"]["code"] == json!(-32800), "{r}");
    let h = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": pos(8, 14)})).await;
    assert!(h["contents"]["value"].as_str().unwrap().contains("MP103"));
    c.shutdown().await;
}

#[tokio::test]
async fn requests_on_unknown_documents_answer_null() {
    let mut c = TestClient::push().await;
    let unknown = "file:///nowhere.py";
    let h = c.request("textDocument/hover", json!({"textDocument": {"uri": unknown}, "position": pos(0, 0)})).await;
    assert_eq!(h, json!(null));
    let a = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": unknown}, "range": {"start": pos(0, 0), "end": pos(0, 0)}, "context": {"diagnostics": []}}),
        )
        .await;
    assert_eq!(a, json!(null));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": unknown, "version": 2}, "contentChanges": [{"text": "x"}]}),
    )
    .await;
    assert!(c.quiet(200).await);
    c.shutdown().await;
}

#[tokio::test]
async fn compiler_errors_arrive_after_the_fast_diagnostics() {
    let mut c = TestClient::push().await;
    // Parses, but mpy-cross rejects it: the compiler's error comes in a second publish for the same version.
    c.open(URI, "import time\nLED = 25\nreturn LED\n").await;
    loop {
        let d = c.diagnostics_for(URI, 1).await;
        if let Some(e) = d.iter().find(|d| d["code"] == "SyntaxError") {
            assert_eq!(e["message"], "SyntaxError: 'return' outside function");
            assert_eq!(e["range"]["start"], pos(2, 0));
            assert!(codes(&d).contains(&"MP101".to_string()));
            break;
        }
    }
    c.shutdown().await;
}

#[tokio::test]
async fn once_settled_an_edit_gets_the_compiler_verdict_with_its_fast_diagnostics() {
    let mut c = TestClient::push().await;
    c.open(URI, "import time\nLED = 25\n\ndef blink(n):\n    return n\n").await;
    c.diagnostics_for(URI, 1).await;
    // The whole-file compile and the statements' verdicts are done once the server is quiet.
    while !c.quiet(300).await {
        c.notification("textDocument/publishDiagnostics").await;
    }
    // A module-level `return`: only the new statement is compiled, so the first publish of version 2 (the
    // fast pass) already has the compiler's error, where the whole-file compile puts it.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"range": {"start": pos(5, 0), "end": pos(5, 0)}, "text": "return LED\n"}]}),
    )
    .await;
    let d = c.diagnostics_for(URI, 2).await;
    let e = d.iter().find(|d| d["code"] == "SyntaxError").expect("the compiler's verdict in the first publish");
    assert_eq!(e["message"], "SyntaxError: 'return' outside function");
    assert_eq!(e["range"]["start"], pos(5, 0));
    // The whole-file compile agrees: no further publish for this version.
    assert!(c.quiet(300).await);
    // Removing it clears the error in the first publish too.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"range": {"start": pos(5, 0), "end": pos(6, 0)}, "text": ""}]}),
    )
    .await;
    let d = c.diagnostics_for(URI, 3).await;
    assert!(d.iter().all(|d| d["code"] != "SyntaxError"), "{d:?}");
    c.shutdown().await;
}
