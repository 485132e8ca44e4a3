//! The byte link under the raw REPL: write bytes, read what arrived within a timeout. A serial port is
//! one; tests and other transports (sockets, in-memory pipes) can be others.

use std::io;
use std::time::Duration;

/// A bidirectional byte stream to a board.
pub trait Link: Send {
    /// Writes every byte (blocking until the OS took them).
    fn write_all(&mut self, data: &[u8]) -> io::Result<()>;
    /// Reads what is available, waiting at most `timeout` for the first byte. `Ok(0)` means nothing arrived
    /// in time; an error means the link is gone.
    fn read_timeout(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize>;
    /// The port's name, for messages.
    fn name(&self) -> &str;
    /// Sets the DTR and RTS modem lines (used to reset ESP boards); links without modem lines ignore it.
    fn set_lines(&mut self, _dtr: bool, _rts: bool) -> io::Result<()> {
        Ok(())
    }
}

impl<L: Link + ?Sized> Link for Box<L> {
    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        (**self).write_all(data)
    }
    fn read_timeout(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize> {
        (**self).read_timeout(buf, timeout)
    }
    fn name(&self) -> &str {
        (**self).name()
    }
    fn set_lines(&mut self, dtr: bool, rts: bool) -> io::Result<()> {
        (**self).set_lines(dtr, rts)
    }
}
