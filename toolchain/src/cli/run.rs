//! `mpbuild run FILE`: run a local script on the board, streaming its output to stdout as it comes (and
//! nothing else: status goes to stderr). Ctrl-C is forwarded to the board. Exit status 1 when the program
//! ends with an exception (its traceback goes to stderr).

use std::io::Write;
use std::path::PathBuf;

use super::connect::{ctrl_c_flag, ConnectArgs};
use super::{Global, Out};
use crate::deploy::{DeployError, SerialBoard, Transport};

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// The script to run (a local file).
    pub file: PathBuf,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let code = std::fs::read(&self.file).map_err(|e| DeployError::local("read", &self.file, e))?;
        let mut t = self.connect.open(None)?;
        run_code(&mut t, &code, out)
    }
}

/// Runs code with its output streamed to stdout (`\r\n` turned into `\n`), Ctrl-C forwarded.
pub fn run_code(t: &mut SerialBoard, code: &[u8], out: &Out) -> anyhow::Result<()> {
    let flag = ctrl_c_flag();
    t.interrupt = Some(flag.clone());
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let mut pending_cr = false;
    let result = t.exec_stream(
        code,
        &mut |chunk| {
            let mut buf = Vec::with_capacity(chunk.len() + 1);
            for &b in chunk {
                if pending_cr {
                    pending_cr = false;
                    if b != b'\n' {
                        buf.push(b'\r');
                    }
                }
                if b == b'\r' {
                    pending_cr = true;
                } else {
                    buf.push(b);
                }
            }
            let _ = lock.write_all(&buf);
            let _ = lock.flush();
        },
        None,
    );
    if pending_cr {
        let _ = lock.write_all(b"\r");
    }
    let _ = lock.flush();
    drop(lock);
    let res = result?;
    if res.stderr.is_empty() {
        return Ok(());
    }
    let tb = String::from_utf8_lossy(&res.stderr).replace("\r\n", "\n");
    if !out.json {
        eprint!("{tb}");
    }
    let ex = crate::deploy::parse_exception(&res.stderr);
    anyhow::bail!(ProgramFailed { exception: ex.line })
}

/// The program ended with an exception (already printed).
#[derive(Debug)]
pub struct ProgramFailed {
    pub exception: String,
}

impl std::fmt::Display for ProgramFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the program raised {}", self.exception)
    }
}

impl std::error::Error for ProgramFailed {}
