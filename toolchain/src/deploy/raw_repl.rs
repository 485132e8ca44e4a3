//! MicroPython's raw REPL and raw-paste protocols over a [`Link`] (`shared/runtime/pyexec.c`).
//!
//! Raw REPL: Ctrl-A enters (`raw REPL; CTRL-B to exit\r\n>`); code is sent and submitted with Ctrl-D; the
//! board answers `OK`, the program's stdout, `\x04`, the traceback if any, `\x04`, and `>` again.
//!
//! Raw-paste (command `\x05A\x01` at the raw prompt): the board answers `R\x01` and a 16-bit window size;
//! the host may send that many bytes, and the board sends `\x01` each time it has consumed a window (plus one
//! at the start, so the first credit is two windows). A `\x04` from the board means it aborted (a syntax
//! error in the stream): the host stops and echoes `\x04`. The host ends with `\x04`; the board answers `\x04`
//! once it has everything, then stdout, `\x04`, traceback, `\x04`, `>` as in raw mode. `R\x00` means the
//! firmware has no raw-paste: plain raw mode is used instead, in 256-byte pieces.
//!
//! Every wait has a timeout; after a link failure (timeout, garbage, disconnection) the REPL state is
//! unknown and the next exec resynchronises: Ctrl-C twice (which also aborts a half-sent raw-paste), then
//! Ctrl-A, reading until the raw banner.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::error::{show_bytes, DeployError, Result};
use super::link::Link;
use super::{ExecOutput, Transport};

const RAW_BANNER: &[u8] = b"raw REPL; CTRL-B to exit\r\n>";

/// A board at the other end of a link, driven through its raw REPL.
pub struct RawRepl<L: Link> {
    link: L,
    /// Bytes received but not consumed yet.
    pending: Vec<u8>,
    /// The board is known to be at the raw REPL prompt.
    in_raw: bool,
    /// Whether raw-paste works (`None` until tried).
    paste: Option<bool>,
    /// How long to wait for the board when it should be answering.
    pub timeout: Duration,
    /// Set (by a Ctrl-C handler) to make a running exec send Ctrl-C to the board.
    pub interrupt: Option<Arc<AtomicBool>>,
    /// The pause that lets a real board settle: after the first Ctrl-C (to print a traceback), and half of it
    /// between 256-byte pieces in plain raw mode. 20 ms for serial boards; in-memory links (the fuzzer) use 0.
    pub pace: Duration,
}

impl<L: Link> std::fmt::Debug for RawRepl<L> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawRepl").field("port", &self.link.name()).field("in_raw", &self.in_raw).field("paste", &self.paste).finish()
    }
}

impl<L: Link> RawRepl<L> {
    /// Wraps a link; nothing is sent until the first exec.
    pub fn new(link: L) -> Self {
        RawRepl { link, pending: Vec::new(), in_raw: false, paste: None, timeout: Duration::from_secs(10), interrupt: None, pace: Duration::from_millis(20) }
    }

    /// The port name.
    pub fn port(&self) -> &str {
        self.link.name()
    }

    /// The link, for operations outside the REPL (resetting an ESP board, handing the port to a flasher).
    pub fn link_mut(&mut self) -> &mut L {
        &mut self.link
    }

    /// Gives the link back.
    pub fn into_link(self) -> L {
        self.link
    }

    /// Forces raw-paste on or off (off: plain raw REPL, as for firmware before 1.14).
    pub fn set_raw_paste(&mut self, on: bool) {
        self.paste = Some(on);
    }

    fn port_name(&self) -> String {
        self.link.name().to_string()
    }

    fn interrupted(&self) -> bool {
        self.interrupt.as_ref().is_some_and(|f| f.load(Ordering::SeqCst))
    }

    fn write(&mut self, data: &[u8], during: &str) -> Result<()> {
        self.link.write_all(data).map_err(|source| {
            self.in_raw = false;
            DeployError::Disconnected { port: self.port_name(), during: during.to_string(), source }
        })
    }

    /// Reads more bytes into `pending`, waiting at most `wait`. Returns how many arrived.
    fn fill(&mut self, wait: Duration, during: &str) -> Result<usize> {
        let mut buf = [0u8; 4096];
        match self.link.read_timeout(&mut buf, wait) {
            Ok(n) => {
                self.pending.extend_from_slice(&buf[..n]);
                Ok(n)
            }
            Err(source) => {
                self.in_raw = false;
                Err(DeployError::Disconnected { port: self.port_name(), during: during.to_string(), source })
            }
        }
    }

    fn timeout_error(&mut self, waiting_for: &str, timeout: Duration, seen: &[u8]) -> DeployError {
        self.in_raw = false;
        DeployError::Timeout {
            port: self.port_name(),
            waiting_for: waiting_for.to_string(),
            timeout_ms: timeout.as_millis() as u64,
            received: if seen.is_empty() { String::new() } else { show_bytes(seen) },
        }
    }

    /// Reads until `pat` has arrived, returning everything before it (the pattern is consumed). The timeout
    /// counts from the last byte received, so long but live output never times out.
    fn read_until(&mut self, pat: &[u8], timeout: Duration, waiting_for: &str) -> Result<Vec<u8>> {
        let mut last = Instant::now();
        // Output that never stops (a chatty program ignoring Ctrl-C) must not keep us here forever.
        let hard_stop = Instant::now() + timeout * 3;
        let mut searched: usize = 0;
        loop {
            if let Some(i) = find(&self.pending[searched.saturating_sub(pat.len())..], pat) {
                let at = searched.saturating_sub(pat.len()) + i;
                let rest = self.pending.split_off(at + pat.len());
                let mut got = std::mem::replace(&mut self.pending, rest);
                got.truncate(at);
                return Ok(got);
            }
            searched = self.pending.len();
            let left = timeout.saturating_sub(last.elapsed());
            if left.is_zero() || Instant::now() > hard_stop {
                let seen = self.pending.clone();
                return Err(self.timeout_error(waiting_for, timeout, &seen));
            }
            if self.fill(left.min(Duration::from_millis(200)), waiting_for)? > 0 {
                last = Instant::now();
            }
        }
    }

    /// Interrupts whatever runs and enters the raw REPL.
    pub fn enter_raw(&mut self) -> Result<()> {
        // Ctrl-C twice stops a program (or aborts a half-sent raw-paste), Ctrl-A enters raw mode from the
        // friendly REPL or re-prints the banner when already in raw mode.
        self.pending.clear();
        self.write(b"\r\x03\x03", "interrupting the board")?;
        // A running program prints its traceback; what matters is the last banner after our Ctrl-A.
        std::thread::sleep(self.pace);
        self.fill(Duration::from_millis(30), "interrupting the board")?;
        self.write(b"\r\x01", "entering the raw REPL")?;
        let timeout = self.timeout;
        let before = self.read_until(RAW_BANNER, timeout, "the raw REPL prompt")?;
        let _ = before;
        // A second banner can follow when the board echoed an earlier Ctrl-A late; collect it quietly.
        self.fill(Duration::from_millis(2), "entering the raw REPL")?;
        if let Some(i) = find(&self.pending, RAW_BANNER) {
            self.pending.drain(..i + RAW_BANNER.len());
        }
        self.pending.clear();
        self.in_raw = true;
        Ok(())
    }

    /// Leaves the raw REPL for the friendly one (Ctrl-B).
    pub fn exit_raw(&mut self) -> Result<()> {
        self.write(b"\r\x02", "leaving the raw REPL")?;
        self.in_raw = false;
        Ok(())
    }

    /// Soft reset: Ctrl-D at an empty raw prompt. MCU ports reboot and come back to the raw REPL; the unix
    /// port exits instead, which is reported as [`DeployError::Unsupported`].
    pub fn soft_reset(&mut self) -> Result<()> {
        if !self.in_raw {
            self.enter_raw()?;
        }
        self.write(b"\x04", "soft-resetting")?;
        self.in_raw = false;
        let timeout = self.timeout;
        match self.read_until(b"OK", timeout, "the soft-reset acknowledgement") {
            Ok(_) => {}
            Err(e) => return Err(e),
        }
        match self.read_until(RAW_BANNER, timeout, "the board to come back after a soft reset") {
            Ok(_) => {
                self.in_raw = true;
                self.paste = None;
                Ok(())
            }
            Err(DeployError::Disconnected { .. }) => Err(DeployError::Unsupported {
                what: format!("{}: the board exited on soft reset (the unix port has no soft reset)", self.port_name()),
                help: "restart the board program; deploy and run do not need a soft reset".to_string(),
            }),
            Err(e) => Err(e),
        }
    }

    /// Sends code without waiting for it to finish (for `machine.reset()` and `machine.bootloader()`, after
    /// which the board goes away).
    pub fn send_and_leave(&mut self, code: &[u8]) -> Result<()> {
        if !self.in_raw {
            self.enter_raw()?;
        }
        self.write(code, "sending code")?;
        self.write(b"\x04", "sending code")?;
        self.in_raw = false;
        // Wait briefly for the OK so the code is known to run; a board that resets at once may not send it.
        let _ = self.read_until(b"OK", Duration::from_millis(500), "the board to accept the code");
        Ok(())
    }

    /// Sends `code` with raw-paste flow control. Returns false when the board has no raw-paste (it then stays
    /// at the raw prompt and nothing was sent).
    fn send_paste(&mut self, code: &[u8]) -> Result<bool> {
        self.write(b"\x05A\x01", "starting raw-paste")?;
        let timeout = self.timeout;
        let start = Instant::now();
        while self.pending.len() < 2 {
            if start.elapsed() > timeout {
                let seen = self.pending.clone();
                return Err(self.timeout_error("the raw-paste reply", timeout, &seen));
            }
            self.fill(Duration::from_millis(200), "starting raw-paste")?;
        }
        match &self.pending[..2] {
            b"R\x01" => {}
            b"R\x00" => {
                self.pending.drain(..2);
                return Ok(false);
            }
            _ => {
                // Firmware before raw-paste treats the bytes as input: it prints the banner again.
                if self.pending.starts_with(b"r") || self.pending.starts_with(b"\x04") {
                    self.read_until(RAW_BANNER, timeout, "the raw REPL prompt")?;
                    self.pending.clear();
                    return Ok(false);
                }
                let seen = std::mem::take(&mut self.pending);
                self.in_raw = false;
                return Err(DeployError::Garbled { port: self.port_name(), expected: "the raw-paste reply R\\x01".to_string(), received: show_bytes(&seen) });
            }
        }
        while self.pending.len() < 4 {
            if start.elapsed() > timeout {
                let seen = self.pending.clone();
                return Err(self.timeout_error("the raw-paste window size", timeout, &seen));
            }
            self.fill(Duration::from_millis(200), "starting raw-paste")?;
        }
        let window = u16::from_le_bytes([self.pending[2], self.pending[3]]) as usize;
        self.pending.drain(..4);
        if window == 0 {
            self.in_raw = false;
            return Err(DeployError::Garbled { port: self.port_name(), expected: "a raw-paste window size".to_string(), received: "0".to_string() });
        }
        let mut credit = window;
        let mut sent = 0;
        let mut last = Instant::now();
        while sent < code.len() {
            // Consume flow-control bytes already here, and wait for one when out of credit.
            loop {
                while let Some(&b) = self.pending.first() {
                    self.pending.remove(0);
                    match b {
                        0x01 => credit += window,
                        0x04 => {
                            // The board aborted (syntax error): echo and read the result as usual.
                            self.write(b"\x04", "ending raw-paste")?;
                            return Ok(true);
                        }
                        _ => {
                            let mut seen = vec![b];
                            seen.append(&mut self.pending);
                            self.in_raw = false;
                            return Err(DeployError::Garbled {
                                port: self.port_name(),
                                expected: "raw-paste flow control (\\x01)".to_string(),
                                received: show_bytes(&seen),
                            });
                        }
                    }
                }
                if credit > 0 {
                    break;
                }
                if last.elapsed() > timeout {
                    return Err(self.timeout_error("raw-paste flow control (\\x01)", timeout, &[]));
                }
                if self.fill(Duration::from_millis(100), "sending code")? > 0 {
                    last = Instant::now();
                }
                if self.interrupted() {
                    self.write(b"\x03", "interrupting")?;
                    self.in_raw = false;
                    return Err(DeployError::Interrupted);
                }
            }
            let n = credit.min(code.len() - sent);
            let piece = code[sent..sent + n].to_vec();
            self.write(&piece, "sending code")?;
            sent += n;
            credit -= n;
            // Pick up grants that are already waiting without blocking.
            self.fill(Duration::ZERO, "sending code")?;
        }
        self.write(b"\x04", "ending raw-paste")?;
        // The board answers \x04 when it has all the code; \x01 grants may still come before it.
        let before = self.read_until(b"\x04", timeout, "the end of raw-paste")?;
        if let Some(&b) = before.iter().find(|&&b| b != 0x01) {
            self.in_raw = false;
            return Err(DeployError::Garbled { port: self.port_name(), expected: "the end of raw-paste (\\x04)".to_string(), received: show_bytes(&[b]) });
        }
        Ok(true)
    }

    /// Sends `code` in plain raw mode: 256-byte pieces with short pauses (no flow control), then Ctrl-D, and
    /// checks the board's `OK`.
    fn send_raw(&mut self, code: &[u8]) -> Result<()> {
        for piece in code.chunks(256) {
            self.write(piece, "sending code")?;
            std::thread::sleep(self.pace / 2);
        }
        self.write(b"\x04", "submitting code")?;
        let timeout = self.timeout;
        let start = Instant::now();
        while self.pending.len() < 2 {
            if start.elapsed() > timeout {
                let seen = self.pending.clone();
                return Err(self.timeout_error("OK after the code", timeout, &seen));
            }
            self.fill(Duration::from_millis(100), "submitting code")?;
        }
        if &self.pending[..2] != b"OK" {
            let seen = std::mem::take(&mut self.pending);
            self.in_raw = false;
            return Err(DeployError::Garbled { port: self.port_name(), expected: "OK".to_string(), received: show_bytes(&seen) });
        }
        self.pending.drain(..2);
        Ok(())
    }

    /// Reads stdout (streamed to `out`) up to `\x04`, then the traceback up to `\x04`, then the prompt.
    /// `timeout` is the longest silence allowed while the program runs (`None`: wait forever, for `run`).
    fn read_result(&mut self, out: &mut dyn FnMut(&[u8]), timeout: Option<Duration>) -> Result<ExecOutput> {
        let mut stdout = Vec::new();
        let mut last = Instant::now();
        let mut interrupted_at: Option<Instant> = None;
        // stdout, streamed.
        loop {
            if let Some(i) = self.pending.iter().position(|&b| b == 0x04) {
                let rest = self.pending.split_off(i + 1);
                let mut chunk = std::mem::replace(&mut self.pending, rest);
                chunk.pop();
                if !chunk.is_empty() {
                    out(&chunk);
                    stdout.extend_from_slice(&chunk);
                }
                break;
            }
            if !self.pending.is_empty() {
                let chunk = std::mem::take(&mut self.pending);
                out(&chunk);
                stdout.extend_from_slice(&chunk);
            }
            if self.interrupted() && interrupted_at.is_none() {
                self.write(b"\x03", "interrupting the program")?;
                interrupted_at = Some(Instant::now());
            }
            if let Some(t) = interrupted_at {
                if t.elapsed() > self.timeout {
                    return Err(self.timeout_error("the program to stop after Ctrl-C", self.timeout, &stdout));
                }
            }
            if let Some(limit) = timeout {
                if last.elapsed() > limit {
                    let tail = stdout[stdout.len().saturating_sub(60)..].to_vec();
                    return Err(self.timeout_error("the end of the program's output (\\x04)", limit, &tail));
                }
            }
            if self.fill(Duration::from_millis(50), "reading the program's output")? > 0 {
                last = Instant::now();
            }
        }
        let limit = timeout.unwrap_or(self.timeout).max(self.timeout);
        let stderr = self.read_until(b"\x04", limit, "the end of the traceback (\\x04)")?;
        self.read_until(b">", limit, "the raw REPL prompt after the program")?;
        self.in_raw = true;
        Ok(ExecOutput { stdout, stderr })
    }
}

impl<L: Link> Transport for RawRepl<L> {
    fn port(&self) -> &str {
        self.link.name()
    }

    fn exec_stream(&mut self, code: &[u8], out: &mut dyn FnMut(&[u8]), timeout: Option<Duration>) -> Result<ExecOutput> {
        if !self.in_raw {
            self.enter_raw()?;
        }
        // Anything left over from a previous command is stale.
        self.pending.clear();
        self.in_raw = false;
        let pasted = if self.paste != Some(false) {
            let ok = self.send_paste(code)?;
            self.paste = Some(ok);
            ok
        } else {
            false
        };
        if !pasted {
            self.send_raw(code)?;
        }
        self.read_result(out, timeout)
    }

    fn interrupt(&mut self) -> Result<()> {
        self.write(b"\x03", "interrupting")
    }

    fn soft_reset(&mut self) -> Result<()> {
        RawRepl::soft_reset(self)
    }

    fn resync(&mut self) -> Result<()> {
        self.enter_raw()
    }

    fn default_timeout(&self) -> Duration {
        self.timeout
    }
}

/// The first index of `pat` in `hay`.
pub(crate) fn find(hay: &[u8], pat: &[u8]) -> Option<usize> {
    if pat.is_empty() || hay.len() < pat.len() {
        return None;
    }
    hay.windows(pat.len()).position(|w| w == pat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;
    use std::io;

    /// A scripted board: each write is answered by the next canned reply.
    struct Script {
        replies: VecDeque<Vec<u8>>,
        inbox: VecDeque<u8>,
        written: Vec<u8>,
    }

    impl Link for Script {
        fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
            self.written.extend_from_slice(data);
            if let Some(r) = self.replies.pop_front() {
                self.inbox.extend(r);
            }
            Ok(())
        }
        fn read_timeout(&mut self, buf: &mut [u8], _t: Duration) -> io::Result<usize> {
            let n = buf.len().min(self.inbox.len());
            for b in buf.iter_mut().take(n) {
                *b = self.inbox.pop_front().unwrap_or(0);
            }
            Ok(n)
        }
        fn name(&self) -> &str {
            "script"
        }
    }

    fn repl(replies: &[&[u8]]) -> RawRepl<Script> {
        let mut r = RawRepl::new(Script { replies: replies.iter().map(|r| r.to_vec()).collect(), inbox: VecDeque::new(), written: Vec::new() });
        r.timeout = Duration::from_millis(300);
        r
    }

    #[test]
    fn raw_exec_without_paste() {
        let mut r = repl(&[b"", b"\r\n>>> \r\nraw REPL; CTRL-B to exit\r\n>", b"R\x00", b"", b"OK42\n\x04\x04>"]);
        let out = r.exec(b"print(6*7)").unwrap();
        assert_eq!(out, b"42\n");
        assert_eq!(r.paste, Some(false));
    }

    #[test]
    fn traceback_is_an_exception_error() {
        let mut r = repl(&[b"", b"raw REPL; CTRL-B to exit\r\n>", b"R\x01\x80\x00\x01", b"", b"\x04\x04Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nZeroDivisionError: divide by zero\n\x04>"]);
        let e = r.exec(b"1/0").unwrap_err();
        assert!(e.to_string().contains("ZeroDivisionError: divide by zero"), "{e}");
    }

    #[test]
    fn silence_is_a_timeout_not_a_hang() {
        let mut r = repl(&[b"", b""]);
        let t0 = Instant::now();
        let e = r.exec(b"pass").unwrap_err();
        assert!(matches!(e, DeployError::Timeout { .. }), "{e}");
        assert!(t0.elapsed() < Duration::from_secs(3));
    }

    #[test]
    fn garbage_instead_of_paste_reply_is_garbled() {
        let mut r = repl(&[b"", b"raw REPL; CTRL-B to exit\r\n>", b"\xff\xfe\xfd"]);
        let e = r.exec(b"pass").unwrap_err();
        assert!(matches!(e, DeployError::Garbled { .. }), "{e}");
        assert!(e.is_link_failure());
    }

    #[test]
    fn find_pattern() {
        assert_eq!(find(b"abcOKd", b"OK"), Some(3));
        assert_eq!(find(b"O", b"OK"), None);
    }
}
