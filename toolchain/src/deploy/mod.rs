//! Deploying to boards. One primitive, [`Transport::exec`] (run code on the board, get its output), and
//! everything else written once on top of it, as mpremote's `transport.py` does:
//!
//! * [`raw_repl`]: the raw REPL and raw-paste protocols over a byte [`link::Link`] (a serial port, [`serial`]);
//! * [`fs`]: file operations (list with hashes, read, atomic verified write, remove, mkdir) in batched snippets;
//! * [`codec`]: how bytes travel (raw deflate when the board has `deflate`, base64 otherwise), chunk sizing;
//! * [`sync`]: mirroring a built project onto the board (plan, ignore rules, path mapping, dry run, delete);
//! * [`info`]: what the board is (version, `.mpy` ABI, memory, storage);
//! * [`romfs`]: writing a ROMFS image through `vfs.rom_ioctl`;
//! * [`flash`]: firmware flashing plans and back ends (UF2 drive copy, espflash, probe-rs).
//!
//! The library never prints: long operations report [`progress::DeployEvent`]s.

pub mod codec;
pub mod config;
pub mod error;
pub mod flash;
pub mod fs;
pub mod ignore;
pub mod info;
pub mod link;
pub mod progress;
pub mod project;
pub mod raw_repl;
pub mod romfs;
pub mod serial;
pub mod sync;
pub mod watch;

use std::time::Duration;

pub use error::{DeployError, Result};
pub use link::Link;
pub use raw_repl::RawRepl;
use serde::Serialize;

/// What a piece of code printed on the board.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExecOutput {
    pub stdout: Vec<u8>,
    /// The traceback, empty when the code ran to completion.
    pub stderr: Vec<u8>,
}

/// Runs code on a board.
pub trait Transport {
    /// The port (or other address) of the board, for messages.
    fn port(&self) -> &str;

    /// Runs `code`, passing stdout to `out` as it arrives. `timeout` is the longest silence allowed while the
    /// code runs (`None` waits for as long as the program runs). A traceback is returned in
    /// [`ExecOutput::stderr`], not as an error; link failures are errors.
    fn exec_stream(&mut self, code: &[u8], out: &mut dyn FnMut(&[u8]), timeout: Option<Duration>) -> Result<ExecOutput>;

    /// Sends Ctrl-C.
    fn interrupt(&mut self) -> Result<()>;

    /// Soft-resets the board (where the firmware can).
    fn soft_reset(&mut self) -> Result<()>;

    /// Brings the board back to a known state (the raw REPL prompt) after an error.
    fn resync(&mut self) -> Result<()>;

    /// How long the board may take to answer a short command.
    fn default_timeout(&self) -> Duration;

    /// Runs `code` and returns its stdout; a traceback is a [`DeployError::Exception`].
    fn exec(&mut self, code: &[u8]) -> Result<Vec<u8>> {
        self.exec_ctx(code, "")
    }

    /// [`Transport::exec`] naming what the code was for in the error.
    fn exec_ctx(&mut self, code: &[u8], context: &str) -> Result<Vec<u8>> {
        let t = self.default_timeout();
        let out = self.exec_stream(code, &mut |_| {}, Some(t))?;
        if out.stderr.is_empty() {
            Ok(out.stdout)
        } else {
            Err(exception_error(self.port(), &out.stderr, context))
        }
    }
}

impl<T: Transport + ?Sized> Transport for Box<T> {
    fn port(&self) -> &str {
        (**self).port()
    }
    fn exec_stream(&mut self, code: &[u8], out: &mut dyn FnMut(&[u8]), timeout: Option<Duration>) -> Result<ExecOutput> {
        (**self).exec_stream(code, out, timeout)
    }
    fn interrupt(&mut self) -> Result<()> {
        (**self).interrupt()
    }
    fn soft_reset(&mut self) -> Result<()> {
        (**self).soft_reset()
    }
    fn resync(&mut self) -> Result<()> {
        (**self).resync()
    }
    fn default_timeout(&self) -> Duration {
        (**self).default_timeout()
    }
}

/// A parsed traceback: the exception line and, for `OSError`, the errno.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Exception {
    /// `ZeroDivisionError: divide by zero`.
    pub line: String,
    /// The exception type name.
    pub kind: String,
    pub errno: Option<i32>,
}

/// Reads the last line of a MicroPython traceback.
pub fn parse_exception(stderr: &[u8]) -> Exception {
    let text = String::from_utf8_lossy(stderr);
    let line = text.lines().map(str::trim).rev().find(|l| !l.is_empty()).unwrap_or("").to_string();
    let kind = line.split(':').next().unwrap_or("").trim().to_string();
    let errno = line
        .split_once("[Errno ")
        .and_then(|(_, r)| r.split(']').next())
        .and_then(|n| n.trim().parse().ok())
        .or_else(|| line.strip_prefix("OSError: ").and_then(|r| r.trim().parse().ok()));
    Exception { line, kind, errno }
}

/// The error for a traceback.
pub fn exception_error(port: &str, stderr: &[u8], context: &str) -> DeployError {
    let ex = parse_exception(stderr);
    let help = match ex.kind.as_str() {
        "KeyboardInterrupt" => "the program was interrupted (Ctrl-C)".to_string(),
        "MemoryError" => "the board ran out of memory: free some (gc.collect(), fewer imports) or use smaller transfers".to_string(),
        "ImportError" => "the module is missing on the board: deploy it, or check sys.path".to_string(),
        _ => "see the traceback (run with -v to print it in full)".to_string(),
    };
    DeployError::Exception {
        port: port.to_string(),
        exception: if ex.line.is_empty() { "an exception".to_string() } else { ex.line },
        traceback: String::from_utf8_lossy(stderr).into_owned(),
        context: context.to_string(),
        help,
    }
}

/// How to reach a board.
#[derive(Clone, Debug)]
pub struct ConnectOptions {
    /// `None`: `MPBUILD_PORT`, then auto-detection.
    pub port: Option<String>,
    pub baud: u32,
    /// How long the board may stay silent when it should answer.
    pub timeout: Duration,
    /// Force plain raw REPL (no raw-paste).
    pub no_raw_paste: bool,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions { port: None, baud: serial::DEFAULT_BAUD, timeout: Duration::from_secs(10), no_raw_paste: false }
    }
}

/// A board on a serial port, driven through its raw REPL.
pub type SerialBoard = RawRepl<Box<dyn Link>>;

/// Opens the port and returns the board (nothing is sent yet; the first exec interrupts whatever runs and
/// enters the raw REPL).
pub fn connect(opts: &ConnectOptions) -> Result<SerialBoard> {
    let port = serial::resolve_port(opts.port.as_deref())?;
    let link = serial::SerialLink::open(&port, opts.baud)?;
    let mut repl = RawRepl::new(Box::new(link) as Box<dyn Link>);
    repl.timeout = opts.timeout;
    if opts.no_raw_paste {
        repl.set_raw_paste(false);
    }
    Ok(repl)
}

/// Adapts a deploy transport to the build's device query (`mpbuild build --device PORT`).
#[derive(Debug)]
pub struct DeviceAdapter<T: Transport>(pub T);

impl<T: Transport> crate::device::Transport for DeviceAdapter<T> {
    fn exec(&mut self, code: &str) -> crate::error::Result<String> {
        self.0
            .exec(code.as_bytes())
            .map(|b| String::from_utf8_lossy(&b).replace("\r\n", "\n"))
            .map_err(|e| crate::error::Error::DeviceQuery { message: e.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oserror_errno_is_read() {
        let e = parse_exception(b"Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nOSError: [Errno 2] ENOENT\r\n");
        assert_eq!(e.kind, "OSError");
        assert_eq!(e.errno, Some(2));
        assert_eq!(parse_exception(b"OSError: 39\n").errno, Some(39));
        assert_eq!(parse_exception(b"").line, "");
    }
}
