//! Errors of talking to a board and flashing it: each names the port or path, what was expected and what
//! arrived, with a stable code and a line saying what to do next.

use std::path::PathBuf;

use miette::Diagnostic;

/// Everything the deploy layer can fail with.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[non_exhaustive]
pub enum DeployError {
    /// No serial port was given and none looked like a MicroPython board.
    #[error("no board found: {detail}")]
    #[diagnostic(
        code(mpbuild::deploy::no_port),
        help("plug the board in, or name its port with --port PORT (or the MPBUILD_PORT environment variable)")
    )]
    NoPort { detail: String },

    /// The serial port could not be opened.
    #[error("cannot open {port}: {message}")]
    #[diagnostic(
        code(mpbuild::deploy::open),
        help("check the port name, that no other program (a terminal, mpremote, an IDE) holds it, and that you may use it (on Linux: the dialout group)")
    )]
    Open { port: String, message: String },

    /// Reading or writing the port failed: usually the board was unplugged or reset.
    #[error("{port}: the board disappeared while {during}: {source}")]
    #[diagnostic(code(mpbuild::deploy::disconnected), help("reconnect the board and run the command again; an interrupted deploy is finished by the next one"))]
    Disconnected {
        port: String,
        during: String,
        #[source]
        source: std::io::Error,
    },

    /// The board did not answer in time.
    #[error("{port}: no reply within {timeout_ms} ms while waiting for {waiting_for}{}", received_note(received))]
    #[diagnostic(
        code(mpbuild::deploy::timeout),
        help("the board may be busy, stuck in a program that ignores Ctrl-C, or not running MicroPython; press its reset button or raise --timeout")
    )]
    Timeout { port: String, waiting_for: String, timeout_ms: u64, received: String },

    /// The board answered something the protocol does not allow at this point.
    #[error("{port}: garbled reply while waiting for {expected}: got {received}")]
    #[diagnostic(
        code(mpbuild::deploy::garbled),
        help("check the baud rate and the cable; another program may be writing to the same port")
    )]
    Garbled { port: String, expected: String, received: String },

    /// The board raised an exception running code we sent.
    #[error("{port}: the board raised {exception}{}", context_note(context))]
    #[diagnostic(code(mpbuild::deploy::exception), help("{help}"))]
    Exception { port: String, exception: String, traceback: String, context: String, help: String },

    /// A file operation failed on the board with an OSError.
    #[error("{port}: {op} :{path}: {message}")]
    #[diagnostic(code(mpbuild::deploy::device_fs), help("{help}"))]
    DeviceFs { port: String, op: &'static str, path: String, errno: Option<i32>, message: String, help: &'static str },

    /// A file written to the board did not hash to what was sent.
    #[error("{port}: :{path} does not verify after writing (expected sha256 {expected}, the board has {got})")]
    #[diagnostic(code(mpbuild::deploy::verify), help("the link corrupted data: the old file is still in place; check the cable and retry"))]
    Verify { port: String, path: String, expected: String, got: String },

    /// The board or its firmware lacks something the operation needs.
    #[error("{what}")]
    #[diagnostic(code(mpbuild::deploy::unsupported), help("{help}"))]
    Unsupported { what: String, help: String },

    /// A local file could not be read or written.
    #[error("cannot {op} {}: {source}", path.display())]
    #[diagnostic(code(mpbuild::deploy::local_io), help("check that the path exists and that you may {op} it"))]
    LocalIo {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A bad argument (path, image, option) given by the user.
    #[error("{message}")]
    #[diagnostic(code(mpbuild::deploy::usage), help("{help}"))]
    Usage { message: String, help: String },

    /// Flashing failed.
    #[error("{message}")]
    #[diagnostic(code(mpbuild::flash::error), help("{help}"))]
    Flash { message: String, help: String },

    /// The user pressed Ctrl-C.
    #[error("interrupted")]
    #[diagnostic(code(mpbuild::deploy::interrupted), help("the board was sent Ctrl-C"))]
    Interrupted,
}

fn received_note(r: &str) -> String {
    if r.is_empty() {
        " (nothing received)".to_string()
    } else {
        format!(" (last received: {r})")
    }
}

fn context_note(c: &str) -> String {
    if c.is_empty() {
        String::new()
    } else {
        format!(" while {c}")
    }
}

/// Shows received bytes readably and briefly: the last 60 bytes, escaped.
pub fn show_bytes(b: &[u8]) -> String {
    let tail = if b.len() > 60 { &b[b.len() - 60..] } else { b };
    let mut s = String::new();
    if b.len() > 60 {
        s.push('…');
    }
    s.push('"');
    for &c in tail {
        match c {
            b'\r' => s.push_str("\\r"),
            b'\n' => s.push_str("\\n"),
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push('"');
    s
}

/// `Result` with [`DeployError`].
pub type Result<T, E = DeployError> = std::result::Result<T, E>;

impl DeployError {
    /// A local I/O error.
    pub fn local(op: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        DeployError::LocalIo { op, path: path.into(), source }
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>, help: impl Into<String>) -> Self {
        DeployError::Usage { message: message.into(), help: help.into() }
    }

    /// True when the link itself failed (timeouts, garbage, disconnection): the board's REPL state is unknown
    /// and the next command must resynchronise.
    pub fn is_link_failure(&self) -> bool {
        matches!(self, DeployError::Disconnected { .. } | DeployError::Timeout { .. } | DeployError::Garbled { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_shown_escaped_and_short() {
        assert_eq!(show_bytes(b"OK\x04>\r\n"), "\"OK\\x04>\\r\\n\"");
        let long = vec![b'a'; 100];
        assert!(show_bytes(&long).starts_with('…'));
    }

    #[test]
    fn messages_have_no_trailing_period() {
        let e = DeployError::Timeout { port: "/dev/ttyACM0".into(), waiting_for: "the raw REPL prompt".into(), timeout_ms: 2000, received: String::new() };
        assert_eq!(e.to_string(), "/dev/ttyACM0: no reply within 2000 ms while waiting for the raw REPL prompt (nothing received)");
    }
}
