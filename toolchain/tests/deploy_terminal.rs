//! The interactive commands end to end against the real MicroPython VM on a pseudo-terminal: `mpbuild repl`
//! (lines typed reach the board's REPL and its answers come back, Ctrl-C interrupts a running loop, Ctrl-X
//! and Ctrl-] leave, the board stays usable) and `mpbuild deploy --watch` (a saved change is rebuilt and
//! redeployed, only the changed file goes, a new file is picked up, Ctrl-C stops it cleanly).

mod common;
#[path = "common/board.rs"]
mod board;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use board::{Faults, VmBoard};
use mpbuild::deploy::{self, ConnectOptions, Transport};

/// A running `mpbuild` with its stdout and stderr collected by two threads.
struct Running {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: Arc<Mutex<Vec<u8>>>,
    stderr: Arc<Mutex<Vec<u8>>>,
}

fn collect(mut r: impl Read + Send + 'static) -> Arc<Mutex<Vec<u8>>> {
    let buf = Arc::new(Mutex::new(Vec::new()));
    let b = buf.clone();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = r.read(&mut chunk) {
            if n == 0 {
                break;
            }
            b.lock().unwrap().extend_from_slice(&chunk[..n]);
        }
    });
    buf
}

impl Running {
    fn start(args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mpbuild"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start mpbuild");
        let stdout = collect(child.stdout.take().unwrap());
        let stderr = collect(child.stderr.take().unwrap());
        let stdin = child.stdin.take();
        Running { child, stdin, stdout, stderr }
    }

    fn text(buf: &Arc<Mutex<Vec<u8>>>) -> String {
        String::from_utf8_lossy(&buf.lock().unwrap()).into_owned()
    }

    fn out(&self) -> String {
        Self::text(&self.stdout)
    }

    fn err(&self) -> String {
        Self::text(&self.stderr)
    }

    /// Waits until `pred(stdout, stderr)` holds; panics with both streams after `secs`.
    #[track_caller]
    fn wait_until(&mut self, what: &str, secs: u64, pred: impl Fn(&str, &str) -> bool) {
        let t0 = Instant::now();
        while t0.elapsed() < Duration::from_secs(secs) {
            if pred(&self.out(), &self.err()) {
                return;
            }
            if let Ok(Some(st)) = self.child.try_wait() {
                // One last look: output may have arrived just before the exit.
                std::thread::sleep(Duration::from_millis(100));
                if pred(&self.out(), &self.err()) {
                    return;
                }
                panic!("mpbuild exited ({st}) before {what}\nstdout:\n{}\nstderr:\n{}", self.out(), self.err());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {what}\nstdout:\n{}\nstderr:\n{}", self.out(), self.err());
    }

    fn send(&mut self, bytes: &[u8]) {
        let s = self.stdin.as_mut().expect("stdin open");
        s.write_all(bytes).unwrap();
        s.flush().unwrap();
    }

    /// Waits for the exit (at most `secs`), returning the exit code.
    #[track_caller]
    fn wait_exit(&mut self, secs: u64) -> Option<i32> {
        let t0 = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                return st.code();
            }
            if t0.elapsed() > Duration::from_secs(secs) {
                let _ = self.child.kill();
                panic!("mpbuild did not exit within {secs} s\nstdout:\n{}\nstderr:\n{}", self.out(), self.err());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The board still answers on a fresh connection.
fn board_answers(port: &str) {
    let opts = ConnectOptions { port: Some(port.to_string()), timeout: Duration::from_secs(10), ..ConnectOptions::default() };
    let mut t = deploy::connect(&opts).unwrap();
    assert_eq!(t.exec(b"print(7 * 6)").unwrap(), b"42\n");
}

#[test]
fn repl_sends_lines_shows_results_and_leaves_on_the_exit_keys() {
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    for exit_key in [0x18u8, 0x1d] {
        let mut r = Running::start(&["repl", "--port", &port]);
        r.wait_until("the connected message", 20, |_, e| e.contains(&format!("connected to {port}")));
        r.send(b"\r");
        r.wait_until("the prompt", 20, |o, _| o.contains(">>> "));
        let prompts = count(&r.out(), ">>> ");

        // A line typed is echoed by the board and its result printed.
        r.send(b"x = 6\r");
        r.wait_until("the next prompt", 20, |o, _| count(o, ">>> ") > prompts);
        r.send(b"print('result', x * 7)\r");
        r.wait_until("the result", 20, |o, _| o.contains("print('result', x * 7)") && o.contains("result 42\n"));

        // Ctrl-C goes to the board: a running loop is interrupted and the REPL comes back.
        let prompts = count(&r.out(), ">>> ");
        r.send(b"while True: pass\r\r");
        std::thread::sleep(Duration::from_millis(300));
        r.send(b"\x03");
        r.wait_until("KeyboardInterrupt", 20, |o, _| o.contains("KeyboardInterrupt"));
        r.wait_until("the prompt after the interrupt", 20, |o, _| count(o, ">>> ") > prompts);
        r.send(b"print('still', 'here')\r");
        r.wait_until("the REPL after the interrupt", 20, |o, _| o.contains("still here\n"));

        // The exit key leaves, with success, and is not sent to the board.
        r.send(&[exit_key]);
        assert_eq!(r.wait_exit(10), Some(0), "stderr: {}", r.err());
        assert!(!r.err().contains("panicked"), "{}", r.err());
    }
    assert!(b.alive(), "the VM survived the terminal sessions");
    board_answers(&port);
}

/// The sensor-app example in `dir`, compiled for the VM (x64 instead of the Pico's armv6m).
fn example(dir: &Path) -> PathBuf {
    let app = common::copy_example(dir);
    let cfg = app.join("mpbuild.toml");
    let text = std::fs::read_to_string(&cfg).unwrap().replace("board = \"RPI_PICO\"", "board = \"RPI_PICO\"\narch = \"x64\"");
    std::fs::write(&cfg, text).unwrap();
    app
}

#[test]
fn deploy_watch_redeploys_changes_and_stops_on_ctrl_c() {
    let tmp = tempfile::tempdir().unwrap();
    let app = example(tmp.path());
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    let app_s = app.to_str().unwrap();
    let mut r = Running::start(&["deploy", "--watch", "-v", "--port", &port, app_s]);
    r.wait_until("the first deploy and the watch", 120, |o, e| o.contains("deployed") && e.contains("watching"));
    let built = app.join("build/mpy");
    let on_board = |rel: &str| std::fs::read(b.fs.join(rel)).unwrap_or_default();
    let before = on_board("drivers/display.mpy");
    assert_eq!(before, std::fs::read(built.join("drivers/display.mpy")).unwrap());

    // A saved change: rebuilt and redeployed, that file only.
    let src = app.join("drivers/display.py");
    let text = std::fs::read_to_string(&src).unwrap();
    std::fs::write(&src, format!("{text}\nWATCHED = 'edit 1'\n")).unwrap();
    r.wait_until("the redeploy", 60, |o, _| count(o, "deployed") >= 2);
    let second = round(&r.out(), 2);
    assert_eq!(second.iter().filter(|l| l.contains("upload :")).collect::<Vec<_>>(), ["  upload :drivers/display.mpy"], "{second:?}");
    assert!(second.last().unwrap().contains("(1 uploaded"), "only the changed file goes: {second:?}");
    let after = on_board("drivers/display.mpy");
    assert_ne!(after, before);
    assert_eq!(after, std::fs::read(built.join("drivers/display.mpy")).unwrap());
    // The deployed module is the edited one (imported by the VM from the board's filesystem).
    let got = common::run_vm(&b.fs, "import sys\nsys.path.append('lib')\nimport drivers.display as d\nprint(d.WATCHED)\n", &[]);
    assert_eq!(got.trim(), "edit 1");

    // A new file is deployed too.
    std::fs::write(app.join("drivers/extra.py"), "EXTRA = 42\n").unwrap();
    r.wait_until("the new file's deploy", 60, |o, _| count(o, "deployed") >= 3);
    let third = round(&r.out(), 3);
    assert_eq!(third.iter().filter(|l| l.contains("upload :")).collect::<Vec<_>>(), ["  upload :drivers/extra.mpy"], "{third:?}");
    assert_eq!(on_board("drivers/extra.mpy"), std::fs::read(built.join("drivers/extra.mpy")).unwrap());

    // A broken save is reported and the watch goes on; fixing it deploys again.
    std::fs::write(app.join("drivers/extra.py"), "EXTRA = (\n").unwrap();
    r.wait_until("the compile error", 60, |_, e| e.contains("drivers/extra.py"));
    std::fs::write(app.join("drivers/extra.py"), "EXTRA = 43\n").unwrap();
    r.wait_until("the deploy after the fix", 60, |o, _| count(o, "deployed") >= 4);
    let got = common::run_vm(&b.fs, "import sys\nsys.path.append('lib')\nimport drivers.extra as e\nprint(e.EXTRA)\n", &[]);
    assert_eq!(got.trim(), "43");

    // Ctrl-C (SIGINT, as a terminal sends it) stops the watch cleanly.
    rustix::process::kill_process(rustix::process::Pid::from_child(&r.child), rustix::process::Signal::INT).unwrap();
    assert_eq!(r.wait_exit(15), Some(0), "stderr: {}", r.err());
    assert!(!r.err().contains("panicked"), "{}", r.err());
    let leftovers: Vec<_> = walk(&b.fs).into_iter().filter(|p| p.to_string_lossy().contains(mpbuild::deploy::fs::TMP_SUFFIX)).collect();
    assert!(leftovers.is_empty(), "temporary files left on the board: {leftovers:?}");
    assert!(b.alive());
    board_answers(&port);
}

/// The lines of the `n`th deploy (1-based): its detail lines and its closing `deployed` line.
fn round(out: &str, n: usize) -> Vec<String> {
    let mut rounds = vec![Vec::new()];
    for l in out.lines() {
        rounds.last_mut().unwrap().push(l.to_string());
        if l.starts_with("deployed") {
            rounds.push(Vec::new());
        }
    }
    rounds.get(n - 1).cloned().unwrap_or_default()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
