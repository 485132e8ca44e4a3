//! The real MicroPython VM as a board on a serial port, for deploy tests and the benchmark.
//!
//! The VM (`micropython`, the unix port) runs with its stdin/stdout/stderr on the slave of one pty, in raw
//! mode (else the pty turns `\r\n` into `\r\r\n`) but with ISIG on, and as that pty's session leader
//! (`setsid -c`), so a Ctrl-C byte interrupts a running program as on a board. Its working directory is the
//! board's filesystem. A relay copies bytes between that pty's master and the master of a second pty;
//! the second pty's slave path is the "serial port". The relay can inject faults: cut the link after so
//! many bytes, garble bytes, drop bytes. Cutting the link leaves the VM running, so a new relay (a new
//! port) reaches the same board, as replugging a USB cable would.
#![allow(dead_code)]

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rustix::event::{poll, PollFd, PollFlags, Timespec};
use rustix::fs::{Mode, OFlags};
use rustix::pty::{grantpt, openpt, ptsname, unlockpt, OpenptFlags};
use rustix::termios::{tcgetattr, tcsetattr, LocalModes, OptionalActions};

/// The VM executable (`MICROPYTHON`, else the repository's venv).
pub fn vm_path() -> PathBuf {
    if let Some(p) = std::env::var_os("MICROPYTHON") {
        return PathBuf::from(p);
    }
    let venv = std::env::var_os("MPY_VENV").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("toolchain/ has a parent").join(".venv"),
        PathBuf::from,
    );
    venv.join("bin/micropython")
}

/// A pty pair: the master, the slave kept open, and the slave's path.
struct Pty {
    master: OwnedFd,
    slave: OwnedFd,
    path: String,
}

fn open_pty(isig: bool) -> std::io::Result<Pty> {
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)?;
    grantpt(&master)?;
    unlockpt(&master)?;
    let path = ptsname(&master, Vec::new())?.into_string().map_err(|_| std::io::Error::other("pty name is not UTF-8"))?;
    let slave = rustix::fs::open(path.as_str(), OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC, Mode::empty())?;
    let mut t = tcgetattr(&slave)?;
    t.make_raw();
    if isig {
        t.local_modes |= LocalModes::ISIG;
    }
    tcsetattr(&slave, OptionalActions::Now, &t)?;
    Ok(Pty { master, slave, path })
}

/// Waits until `fd` is readable (or `ms` passed); true when readable or hung up.
fn readable(fd: &impl AsFd, ms: i64) -> bool {
    let mut fds = [PollFd::new(fd, PollFlags::IN)];
    let ts = Timespec { tv_sec: ms / 1000, tv_nsec: (ms % 1000) * 1_000_000 };
    matches!(poll(&mut fds, Some(&ts)), Ok(n) if n > 0)
}

/// Faults the relay injects.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    /// Cut the link once this many bytes went from the host to the board.
    pub cut_after_host_bytes: Option<u64>,
    /// Probability of replacing a byte (each direction).
    pub garble: f64,
    /// Probability of dropping a byte (each direction).
    pub drop: f64,
    /// Probability of sending a byte twice (each direction).
    pub duplicate: f64,
    /// Stop forwarding board→host entirely (a dead RX line).
    pub mute_board: bool,
    pub seed: u64,
}

/// One link between a host port and the VM.
pub struct Relay {
    pub port: String,
    stop: Arc<AtomicBool>,
    cut: Arc<AtomicBool>,
    pub host_bytes: Arc<AtomicU64>,
    /// Bytes dropped, garbled or duplicated so far (both directions).
    pub injected: Arc<AtomicU64>,
    threads: Vec<JoinHandle<()>>,
}

impl Relay {
    /// True once the relay cut the link (by fault or by request).
    pub fn is_cut(&self) -> bool {
        self.cut.load(Ordering::SeqCst)
    }

    /// Cuts the link now.
    pub fn cut(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.cut();
    }
}

/// Tiny deterministic PRNG for faults (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn chance(&mut self, p: f64) -> bool {
        p > 0.0 && (self.next() % 1_000_000) as f64 / 1_000_000.0 < p
    }
}

/// The VM as a board.
pub struct VmBoard {
    pub fs: PathBuf,
    child: Child,
    vm_master: Arc<File>,
    _vm_slave: OwnedFd,
    pub relay: Option<Relay>,
    _tmp: Option<tempfile::TempDir>,
}

impl VmBoard {
    /// Starts the VM in a fresh temporary directory and waits for its banner.
    pub fn start() -> VmBoard {
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut b = VmBoard::start_in(tmp.path());
        b._tmp = Some(tmp);
        b
    }

    /// Starts the VM with `fs` as its working directory.
    pub fn start_in(fs: &Path) -> VmBoard {
        let vm = vm_path();
        assert!(vm.exists(), "the MicroPython VM is not at {} (set MICROPYTHON or run scripts/test)", vm.display());
        let pty = open_pty(true).expect("open a pty for the VM");
        let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("dup pty slave"));
        let child = Command::new("setsid")
            .arg("-c")
            .arg(&vm)
            .current_dir(fs)
            .stdin(io(&pty.slave))
            .stdout(io(&pty.slave))
            .stderr(io(&pty.slave))
            .spawn()
            .expect("start the VM (needs setsid from util-linux)");
        let master = Arc::new(File::from(pty.master));
        let mut b = VmBoard { fs: fs.to_path_buf(), child, vm_master: master, _vm_slave: pty.slave, relay: None, _tmp: None };
        b.wait_banner();
        b
    }

    fn wait_banner(&mut self) {
        let start = Instant::now();
        let mut seen = Vec::new();
        let mut buf = [0u8; 1024];
        while start.elapsed() < Duration::from_secs(30) {
            if readable(&*self.vm_master, 100) {
                match (&*self.vm_master).read(&mut buf) {
                    Ok(n) if n > 0 => seen.extend_from_slice(&buf[..n]),
                    _ => break,
                }
                if seen.ends_with(b">>> ") {
                    return;
                }
            }
        }
        panic!("the VM did not print its banner: {:?}", String::from_utf8_lossy(&seen));
    }

    /// The VM's process id (to kill the board mid-transfer).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the VM process still runs.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Opens a new link (closing the previous one) and returns its port path.
    pub fn connect(&mut self, faults: Faults) -> String {
        if let Some(mut r) = self.relay.take() {
            r.cut();
        }
        let host = open_pty(false).expect("open the host-side pty");
        let port = host.path.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let cut = Arc::new(AtomicBool::new(false));
        let host_bytes = Arc::new(AtomicU64::new(0));
        let injected = Arc::new(AtomicU64::new(0));
        let host_master = Arc::new(File::from(host.master));
        let host_slave = Arc::new(host.slave);
        let faults = Arc::new(Mutex::new(faults));
        let mut threads = Vec::new();
        for dir in 0..2 {
            let (from, to) = if dir == 0 { (host_master.clone(), self.vm_master.clone()) } else { (self.vm_master.clone(), host_master.clone()) };
            let stop = stop.clone();
            let cut = cut.clone();
            let host_bytes = host_bytes.clone();
            let injected = injected.clone();
            let faults = faults.clone();
            let keep = host_slave.clone();
            threads.push(std::thread::spawn(move || {
                let _keep = keep;
                let f = faults.lock().map(|f| f.clone()).unwrap_or_default();
                let mut rng = Rng(f.seed.wrapping_mul(2).wrapping_add(dir as u64 + 0x9e37_79b9_7f4a_7c15));
                let mut buf = [0u8; 4096];
                while !stop.load(Ordering::SeqCst) {
                    if !readable(&*from, 20) {
                        continue;
                    }
                    let n = match (&*from).read(&mut buf) {
                        Ok(0) | Err(_) => {
                            std::thread::sleep(Duration::from_millis(5));
                            continue;
                        }
                        Ok(n) => n,
                    };
                    let mut out = Vec::with_capacity(n);
                    for &b in &buf[..n] {
                        if dir == 0 {
                            let sent = host_bytes.fetch_add(1, Ordering::SeqCst) + 1;
                            if f.cut_after_host_bytes.is_some_and(|c| sent > c) {
                                cut.store(true, Ordering::SeqCst);
                                stop.store(true, Ordering::SeqCst);
                                break;
                            }
                        }
                        if rng.chance(f.drop) {
                            injected.fetch_add(1, Ordering::SeqCst);
                            continue;
                        }
                        let b = if rng.chance(f.garble) {
                            injected.fetch_add(1, Ordering::SeqCst);
                            (rng.next() & 0xff) as u8
                        } else {
                            b
                        };
                        out.push(b);
                        if rng.chance(f.duplicate) {
                            injected.fetch_add(1, Ordering::SeqCst);
                            out.push(b);
                        }
                    }
                    if dir == 1 && f.mute_board {
                        continue;
                    }
                    if !out.is_empty() && (&*to).write_all(&out).is_err() {
                        break;
                    }
                }
            }));
        }
        self.relay = Some(Relay { port: port.clone(), stop, cut, host_bytes, injected, threads });
        port
    }

    /// Cuts the current link.
    pub fn disconnect(&mut self) {
        if let Some(mut r) = self.relay.take() {
            r.cut();
        }
    }
}

impl Drop for VmBoard {
    fn drop(&mut self) {
        self.disconnect();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
