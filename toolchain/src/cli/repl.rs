//! `mpbuild repl`: a terminal on the board's friendly REPL. Keys go to the board as typed (the local
//! terminal is put in raw mode); Ctrl-] or Ctrl-X leaves.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use super::connect::ConnectArgs;
use super::{Global, Out};
use crate::deploy::serial::{self, SerialLink};
use crate::deploy::{DeployError, Link};

#[derive(Debug, clap::Args)]
pub struct Cmd {
    #[command(flatten)]
    pub connect: ConnectArgs,
}

impl Cmd {
    pub fn run(self, _g: &Global, _out: &Out) -> anyhow::Result<()> {
        let opts = self.connect.options(None);
        let port = serial::resolve_port(opts.port.as_deref())?;
        let mut link = SerialLink::open(&port, opts.baud)?;
        let mut reader = link.try_clone()?;
        eprintln!("connected to {port}; Ctrl-] or Ctrl-X to leave");
        let _raw = RawTerminal::enter();
        // Leave the raw REPL if a previous command left the board there, and show a prompt.
        link.write_all(b"\x02\r").map_err(|e| DeployError::Disconnected { port: port.clone(), during: "starting the REPL".into(), source: e })?;
        let done = Arc::new(AtomicBool::new(false));
        let done2 = done.clone();
        let board_thread = std::thread::spawn(move || {
            let mut buf = [0u8; 1024];
            let stdout = std::io::stdout();
            while !done2.load(Ordering::SeqCst) {
                match reader.read_timeout(&mut buf, Duration::from_millis(100)) {
                    Ok(0) => {}
                    Ok(n) => {
                        let mut o = stdout.lock();
                        let _ = o.write_all(&buf[..n]);
                        let _ = o.flush();
                    }
                    Err(e) => {
                        eprint!("\r\nthe board disconnected: {e}\r\n");
                        done2.store(true, Ordering::SeqCst);
                    }
                }
            }
        });
        let mut stdin = std::io::stdin();
        let mut buf = [0u8; 256];
        while !done.load(Ordering::SeqCst) {
            let n = match stdin.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if let Some(i) = buf[..n].iter().position(|&b| b == 0x1d || b == 0x18) {
                let _ = link.write_all(&buf[..i]);
                break;
            }
            if link.write_all(&buf[..n]).is_err() {
                break;
            }
        }
        done.store(true, Ordering::SeqCst);
        let _ = board_thread.join();
        eprint!("\r\n");
        Ok(())
    }
}

/// The local terminal in raw mode until dropped (a no-op when stdin is not a terminal).
struct RawTerminal {
    #[cfg(unix)]
    saved: Option<rustix::termios::Termios>,
}

impl RawTerminal {
    fn enter() -> RawTerminal {
        #[cfg(unix)]
        {
            use rustix::termios::{tcgetattr, tcsetattr, OptionalActions};
            let stdin = std::io::stdin();
            let saved = tcgetattr(&stdin).ok();
            if let Some(s) = &saved {
                let mut raw = s.clone();
                raw.make_raw();
                let _ = tcsetattr(&stdin, OptionalActions::Now, &raw);
            }
            RawTerminal { saved }
        }
        #[cfg(not(unix))]
        RawTerminal {}
    }
}

impl Drop for RawTerminal {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(s) = &self.saved {
            let _ = rustix::termios::tcsetattr(std::io::stdin(), rustix::termios::OptionalActions::Now, s);
        }
    }
}
