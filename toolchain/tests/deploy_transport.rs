//! The raw REPL transport against the real MicroPython VM on a pseudo-terminal: exec and output, raw-paste
//! and plain raw mode, tracebacks, interrupting a running program, and clear errors (no hangs) when the
//! link goes silent, garbles or disappears.

#[path = "common/board.rs"]
mod board;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use board::{Faults, VmBoard};
use mpbuild::deploy::{self, ConnectOptions, DeployError, Transport};

fn opts(port: &str) -> ConnectOptions {
    ConnectOptions { port: Some(port.to_string()), timeout: Duration::from_secs(10), ..ConnectOptions::default() }
}

#[test]
fn exec_raw_paste_and_plain_raw() {
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    let mut t = deploy::connect(&opts(&port)).unwrap();
    assert_eq!(t.exec(b"print(6*7)").unwrap(), b"42\n");
    // A script longer than the raw-paste window (128 bytes on unix) needs flow control.
    let long: String = (0..200).map(|i| format!("x{i} = {i}\n")).collect::<String>() + "print(sum([x0, x199]))\n";
    assert_eq!(t.exec(long.as_bytes()).unwrap(), b"199\n");
    // Globals survive between execs, as mpremote relies on.
    t.exec(b"k = 5").unwrap();
    assert_eq!(t.exec(b"print(k * 2)").unwrap(), b"10\n");
    // A traceback is an error naming the exception.
    let e = t.exec(b"1/0").unwrap_err();
    assert!(e.to_string().contains("ZeroDivisionError: divide by zero"), "{e}");
    // A syntax error in a raw-paste stream.
    let e = t.exec(b"def f(:\n    pass\n").unwrap_err();
    assert!(e.to_string().contains("SyntaxError"), "{e}");
    assert_eq!(t.exec(b"print('still fine')").unwrap(), b"still fine\n");

    // Plain raw mode (no raw-paste), with a script longer than one 256-byte piece.
    drop(t);
    let mut raw = deploy::connect(&ConnectOptions { no_raw_paste: true, ..opts(&port) }).unwrap();
    assert_eq!(raw.exec(long.as_bytes()).unwrap(), b"199\n");
}

// The unix port leaves its terminal in raw mode (no ISIG) while it runs code received by raw-paste, so
// there Ctrl-C cannot interrupt; after a plain raw-REPL submit it restores the mode and Ctrl-C works as
// on a board (where the UART/USB driver catches the byte). The Ctrl-C tests therefore use plain raw mode.
fn raw_opts(port: &str) -> ConnectOptions {
    ConnectOptions { no_raw_paste: true, ..opts(port) }
}

#[test]
fn streaming_output_and_ctrl_c() {
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    let mut t = deploy::connect(&raw_opts(&port)).unwrap();
    let flag = Arc::new(AtomicBool::new(false));
    t.interrupt = Some(flag.clone());
    let f2 = flag.clone();
    let mut seen = Vec::new();
    let start = Instant::now();
    let out = t
        .exec_stream(
            b"import time\nprint('started')\nwhile True:\n    time.sleep_ms(10)\n",
            &mut |chunk| {
                seen.extend_from_slice(chunk);
                // Interrupt only once the whole line is in: a Ctrl-C sent between "started" and its newline
                // would race with the board's own output.
                if seen.windows(8).any(|w| w == b"started\n") {
                    f2.store(true, Ordering::SeqCst);
                }
            },
            None,
        )
        .unwrap();
    assert_eq!(out.stdout, b"started\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("KeyboardInterrupt"), "{:?}", String::from_utf8_lossy(&out.stderr));
    assert!(start.elapsed() < Duration::from_secs(10));
    flag.store(false, Ordering::SeqCst);
    assert_eq!(t.exec(b"print(1)").unwrap(), b"1\n");
}

#[test]
fn a_new_connection_interrupts_a_running_program() {
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    let mut t = deploy::connect(&raw_opts(&port)).unwrap();
    // Start an endless program and walk away (as `mpbuild run` killed with the terminal would).
    let _ = t.exec_stream(b"while True:\n    pass\n", &mut |_| {}, Some(Duration::from_millis(300)));
    drop(t);
    let port = b.connect(Faults::default());
    let mut t = deploy::connect(&opts(&port)).unwrap();
    assert_eq!(t.exec(b"print('back')").unwrap(), b"back\n");
}

#[test]
fn silence_garbage_and_disconnection_are_clear_errors() {
    let mut b = VmBoard::start();
    // A board that never answers.
    let port = b.connect(Faults { mute_board: true, ..Faults::default() });
    let mut t = deploy::connect(&ConnectOptions { timeout: Duration::from_millis(800), ..opts(&port) }).unwrap();
    let start = Instant::now();
    let e = t.exec(b"print(1)").unwrap_err();
    assert!(matches!(e, DeployError::Timeout { .. }), "{e}");
    assert!(start.elapsed() < Duration::from_secs(5));

    // Every byte garbled.
    let port = b.connect(Faults { garble: 1.0, seed: 7, ..Faults::default() });
    let mut t = deploy::connect(&ConnectOptions { timeout: Duration::from_millis(800), ..opts(&port) }).unwrap();
    let start = Instant::now();
    let e = t.exec(b"print(1)").unwrap_err();
    assert!(e.is_link_failure(), "{e}");
    assert!(start.elapsed() < Duration::from_secs(5));

    // The link disappears.
    let port = b.connect(Faults::default());
    let mut t = deploy::connect(&opts(&port)).unwrap();
    assert_eq!(t.exec(b"print(2)").unwrap(), b"2\n");
    b.disconnect();
    let e = t.exec(b"print(3)").unwrap_err();
    assert!(matches!(e, DeployError::Disconnected { .. } | DeployError::Timeout { .. }), "{e}");

    // And the board is fine on a new link.
    let port = b.connect(Faults::default());
    let mut t = deploy::connect(&opts(&port)).unwrap();
    assert_eq!(t.exec(b"print(4)").unwrap(), b"4\n");
}

#[test]
fn soft_reset_on_the_unix_port_is_reported() {
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    // The VM exits on Ctrl-D; the harness keeps its pty open, so the host sees silence, not a hang-up.
    let mut t = deploy::connect(&ConnectOptions { timeout: Duration::from_secs(2), ..opts(&port) }).unwrap();
    let e = t.soft_reset().unwrap_err();
    assert!(e.to_string().contains("no soft reset") || matches!(e, DeployError::Disconnected { .. } | DeployError::Timeout { .. }), "{e}");
}
