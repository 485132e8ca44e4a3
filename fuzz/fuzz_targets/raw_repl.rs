//! Fuzz target: everything that parses what a board sends back. The fuzzer plays the board: its replies
//! arrive on an in-memory link under the raw REPL / raw-paste protocol (`deploy::raw_repl`), or, in direct
//! mode, as the stdout/traceback of each exec, and the host runs a sequence of operations over them
//! (exec, soft reset, the file-transfer prelude, listing and hashing, reads, verified writes, `info`).
//! Every operation ends with a value or an error, never a panic or a hang.
#![no_main]

use std::collections::{BTreeMap, VecDeque};
use std::io;
use std::time::Duration;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use mpbuild::deploy::fs::{Board, Upload};
use mpbuild::deploy::progress::NoProgress;
use mpbuild::deploy::{info, ExecOutput, Link, RawRepl, Result, Transport};

#[derive(Arbitrary, Debug)]
enum Op {
    Exec,
    SoftReset,
    Interrupt,
    Resync,
    SendAndLeave,
    Caps,
    Walk,
    Listdir,
    Stat,
    Read,
    Sha256,
    Mkdirs,
    Remove,
    Write(Vec<u8>),
    Storage,
    Info,
}

#[derive(Arbitrary, Debug)]
struct Input {
    /// Replies as exec outputs (stdout, `\x04`, traceback), not over the raw REPL.
    direct: bool,
    /// `None`: try raw-paste first; `Some(false)`: plain raw REPL.
    paste: Option<bool>,
    /// The link fails on this write (the board unplugged).
    cut_at_write: Option<u8>,
    ops: Vec<Op>,
    replies: VecDeque<Vec<u8>>,
}

/// The board's side of the link: the fuzzer's replies, one whenever the host reads and nothing is waiting.
struct FuzzLink {
    inbox: VecDeque<u8>,
    replies: VecDeque<Vec<u8>>,
    writes: u32,
    cut_at_write: Option<u32>,
}

impl Link for FuzzLink {
    fn write_all(&mut self, _data: &[u8]) -> io::Result<()> {
        self.writes += 1;
        if self.cut_at_write.is_some_and(|c| self.writes > c) {
            return Err(io::Error::new(io::ErrorKind::BrokenPipe, "board unplugged"));
        }
        Ok(())
    }

    fn read_timeout(&mut self, buf: &mut [u8], _timeout: Duration) -> io::Result<usize> {
        while self.inbox.is_empty() {
            match self.replies.pop_front() {
                Some(r) => self.inbox.extend(r),
                // Nothing more will come: the board went away (never `Ok(0)`, which would make the host
                // wait out its timeouts).
                None => return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "board gone")),
            }
        }
        let n = buf.len().min(self.inbox.len());
        for (i, b) in self.inbox.drain(..n).enumerate() {
            buf[i] = b;
        }
        Ok(n)
    }

    fn name(&self) -> &str {
        "fuzz"
    }
}

/// Direct mode: each exec's output is the next reply, split at its first `\x04` into stdout and traceback.
struct FuzzTransport {
    replies: VecDeque<Vec<u8>>,
}

impl Transport for FuzzTransport {
    fn port(&self) -> &str {
        "fuzz"
    }
    fn exec_stream(&mut self, _code: &[u8], out: &mut dyn FnMut(&[u8]), _timeout: Option<Duration>) -> Result<ExecOutput> {
        let Some(r) = self.replies.pop_front() else {
            return Err(mpbuild::deploy::DeployError::Interrupted);
        };
        let (stdout, stderr) = match r.iter().position(|&b| b == 4) {
            Some(i) => (r[..i].to_vec(), r[i + 1..].to_vec()),
            None => (r, Vec::new()),
        };
        out(&stdout);
        Ok(ExecOutput { stdout, stderr })
    }
    fn interrupt(&mut self) -> Result<()> {
        Ok(())
    }
    fn soft_reset(&mut self) -> Result<()> {
        Ok(())
    }
    fn resync(&mut self) -> Result<()> {
        Ok(())
    }
    fn default_timeout(&self) -> Duration {
        Duration::from_secs(1)
    }
}

fn run_ops(t: &mut dyn Transport, ops: &[Op]) {
    let mut board = Board::new(t);
    let mut hashes = BTreeMap::new();
    hashes.insert("/main.py".to_string(), 12u64);
    for op in ops.iter().take(12) {
        let r: Result<()> = match op {
            Op::Exec => board.transport().exec(b"print(1)").map(drop),
            Op::SoftReset => board.transport().soft_reset(),
            Op::Interrupt => board.transport().interrupt(),
            Op::Resync => board.transport().resync(),
            Op::SendAndLeave => board.transport().exec_stream(b"import machine", &mut |_| {}, None).map(drop),
            Op::Caps => board.caps().map(drop),
            Op::Walk => board.walk("/", &hashes, &["/rom".to_string()]).map(drop),
            Op::Listdir => board.listdir("/lib").map(drop),
            Op::Stat => board.stat("/main.py").map(drop),
            Op::Read => board.read("/main.py", &NoProgress).map(drop),
            Op::Sha256 => board.sha256("/main.py").map(drop),
            Op::Mkdirs => board.mkdirs(&["/lib".to_string(), "/lib/sub".to_string()]),
            Op::Remove => board.remove_files(&["/old.py".to_string()]),
            Op::Write(data) => {
                let data = data.iter().copied().cycle().take(data.len() * 40).collect();
                board.write_files(&[Upload { path: "/lib/a.py".into(), data }], &NoProgress)
            }
            Op::Storage => board.storage().map(drop),
            Op::Info => info::query(board.transport()).map(drop),
        };
        if let Err(e) = r {
            // Every error renders to a message.
            assert!(!e.to_string().is_empty());
        }
    }
}

fuzz_target!(|input: Input| {
    let replies: VecDeque<Vec<u8>> = input.replies.into_iter().filter(|r| !r.is_empty()).collect();
    if input.direct {
        let mut t = FuzzTransport { replies };
        run_ops(&mut t, &input.ops);
    } else {
        let link = FuzzLink { inbox: VecDeque::new(), replies, writes: 0, cut_at_write: input.cut_at_write.map(u32::from) };
        let mut repl = RawRepl::new(link);
        repl.pace = Duration::ZERO;
        repl.timeout = Duration::from_secs(1);
        if let Some(p) = input.paste {
            repl.set_raw_paste(p);
        }
        if matches!(input.ops.first(), Some(Op::SendAndLeave)) {
            let _ = repl.send_and_leave(b"import machine; machine.reset()");
        }
        run_ops(&mut repl, &input.ops);
    }
});
