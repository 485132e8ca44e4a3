//! The deploy benchmark of issue 8, shared by `examples/deploy_bench.rs` (release, the real numbers) and
//! `tests/bench.rs` (the test command's run): mpbuild against PyPI mpremote on the same pseudo-terminal link
//! to the real MicroPython VM, with the same files. Full-upload throughput and unchanged-project sync time,
//! and their ratios. Targets: ≥ 3× mpremote's throughput; unchanged 50-file sync ≤ 0.3 s.
//!
//! Both tools are measured as a user runs them (whole command, wall clock): `mpbuild cp -r [-f] DIR :` and
//! `mpremote connect PORT resume fs cp -r [-f] DIR :`. mpremote runs with `resume` (the unix port has no
//! soft reset) and with pyserial's DTR/RTS updates disabled (a pty has no modem lines).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::board::{Faults, VmBoard};

pub const THROUGHPUT_TARGET: f64 = 3.0;
pub const UNCHANGED_TARGET_S: f64 = 0.3;

/// Python source that looks like a real module (so compression behaves as on real projects).
fn module(i: usize, lines: usize) -> String {
    let mut s = format!("# module {i}: sensor helpers\nimport time\nfrom micropython import const\n\n_SCALE = const({})\n\n", 100 + i);
    for k in 0..lines / 6 {
        s.push_str(&format!(
            "def read_{k}(bus, addr={k:#04x}):\n    raw = bus.readfrom_mem(addr, {k}, 2)\n    value = (raw[0] << 8 | raw[1]) * _SCALE // {}\n    return value if value < 32768 else value - 65536\n\n\n",
            k + 3
        ));
    }
    s
}

fn write_project(dir: &Path, files: usize, lines: usize) -> u64 {
    std::fs::create_dir_all(dir.join("lib")).unwrap();
    let mut total = 0;
    for i in 0..files {
        let rel = if i % 3 == 0 { format!("lib/mod_{i}.py") } else { format!("mod_{i}.py") };
        let text = module(i, lines);
        total += text.len() as u64;
        std::fs::write(dir.join(rel), text).unwrap();
    }
    total
}

/// The Python that runs mpremote (the venv's): `MPREMOTE_PYTHON`, else next to the VM script.
pub fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("MPREMOTE_PYTHON") {
        return PathBuf::from(p);
    }
    crate::board::vm_path().parent().unwrap().join("python")
}

const MPREMOTE: &str = "import sys\nimport serial.serialposix as s\ns.Serial._update_dtr_state = lambda self: None\ns.Serial._update_rts_state = lambda self: None\nfrom mpremote.main import main\nsys.argv = ['mpremote'] + sys.argv[1:]\nsys.exit(main())\n";

fn time(mut cmd: Command) -> Duration {
    let t0 = Instant::now();
    let out = cmd.output().expect("run the tool");
    let d = t0.elapsed();
    assert!(out.status.success(), "{:?} failed:\n{}\n{}", cmd, String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    d
}

fn mpbuild_cp(exe: &Path, port: &str, dir: &Path, force: bool) -> Command {
    let mut c = Command::new(exe);
    c.args(["cp", "-q", "-r", "--port", port]);
    if force {
        c.arg("-f");
    }
    c.arg(dir).arg(":");
    c
}

fn mpremote_cp(port: &str, dir: &Path, force: bool) -> Command {
    let mut c = Command::new(python());
    c.args(["-c", MPREMOTE, "connect", port, "resume", "fs", "cp", "-r"]);
    if force {
        c.arg("-f");
    }
    c.arg(dir).arg(":");
    c
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// One full-upload row.
#[derive(Clone, Debug)]
pub struct Row {
    pub label: String,
    pub bytes: u64,
    pub mpbuild: Duration,
    pub mpremote: Duration,
}

impl Row {
    pub fn ratio(&self) -> f64 {
        self.mpremote.as_secs_f64() / self.mpbuild.as_secs_f64().max(1e-9)
    }
}

/// What was measured (medians over the runs).
#[derive(Clone, Debug)]
pub struct DeployBench {
    pub runs: usize,
    pub uploads: Vec<Row>,
    pub unchanged_mpbuild: Duration,
    pub unchanged_mpremote: Duration,
    pub fixed_mpbuild: Duration,
    pub fixed_mpremote: Duration,
    /// Every uploaded file on the board equals its source (checked after each tool's upload).
    pub verified_files: usize,
}

impl DeployBench {
    /// The worst full-upload throughput ratio.
    pub fn throughput_ratio(&self) -> f64 {
        self.uploads.iter().map(Row::ratio).fold(f64::INFINITY, f64::min)
    }

    pub fn targets_met(&self) -> bool {
        self.throughput_ratio() >= THROUGHPUT_TARGET && self.unchanged_mpbuild.as_secs_f64() <= UNCHANGED_TARGET_S
    }

    pub fn table(&self, profile: &str) -> String {
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let mut s = format!("deploy benchmark ({profile} build of mpbuild): MicroPython VM on a pty, {} run(s) each, median\n", self.runs);
        s += &format!("{:<44} {:>10} {:>10} {:>13} {:>13} {:>8}\n", "", "mpbuild", "mpremote", "mpbuild KB/s", "mpremote KB/s", "ratio");
        for r in &self.uploads {
            let ko = r.bytes as f64 / 1024.0 / r.mpbuild.as_secs_f64();
            let kt = r.bytes as f64 / 1024.0 / r.mpremote.as_secs_f64();
            s += &format!("{:<44} {:>8.0}ms {:>8.0}ms {ko:>13.1} {kt:>13.1} {:>7.2}x\n", r.label, ms(r.mpbuild), ms(r.mpremote), r.ratio());
        }
        s += &format!(
            "{:<44} {:>8.0}ms {:>8.0}ms {:>13} {:>13} {:>7.2}x\n",
            "unchanged 50-file sync",
            ms(self.unchanged_mpbuild),
            ms(self.unchanged_mpremote),
            "",
            "",
            self.unchanged_mpremote.as_secs_f64() / self.unchanged_mpbuild.as_secs_f64().max(1e-9)
        );
        s += &format!("{:<44} {:>8.0}ms {:>8.0}ms\n", "fixed cost of one command (exec pass)", ms(self.fixed_mpbuild), ms(self.fixed_mpremote));
        for r in &self.uploads {
            let net_o = r.mpbuild.saturating_sub(self.fixed_mpbuild).as_secs_f64().max(1e-4);
            let net_t = r.mpremote.saturating_sub(self.fixed_mpremote).as_secs_f64().max(1e-4);
            s += &format!("transfer-only ratio, {:<30} {:>7.2}x\n", r.label, net_t / net_o);
        }
        let thr = self.throughput_ratio();
        let unch = self.unchanged_mpbuild.as_secs_f64();
        s += &format!(
            "throughput ratio (worst case) {thr:.2}x (target >= {THROUGHPUT_TARGET}x: {}); unchanged 50-file sync {unch:.3} s (target <= {UNCHANGED_TARGET_S} s: {})\n",
            if thr >= THROUGHPUT_TARGET { "met" } else { "MISSED" },
            if unch <= UNCHANGED_TARGET_S { "met" } else { "MISSED" }
        );
        s += &format!("uploaded files checked byte for byte on the board: {}\n", self.verified_files);
        s
    }
}

/// Checks that the board holds `dir` byte for byte (under its own name, or at the root as mpremote's
/// `cp -r DIR :` puts it); returns the file count.
fn verify(board_fs: &Path, dir: &Path, tool: &str) -> usize {
    let named = board_fs.join(dir.file_name().unwrap());
    let base = if named.is_dir() { named } else { board_fs.to_path_buf() };
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let rel = p.strip_prefix(dir).unwrap();
            let on_board = std::fs::read(base.join(rel)).unwrap_or_default();
            let want = std::fs::read(&p).unwrap();
            if on_board != want {
                let listing = Command::new("find").arg(board_fs).output().map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default();
                panic!("after {tool}: {} on the board ({} bytes) differs from its source ({} bytes)\nboard:\n{listing}", rel.display(), on_board.len(), want.len());
            }
            n += 1;
        }
    }
    n
}

/// Runs the benchmark with the `mpbuild` executable `exe`, `runs` times each (median).
pub fn run(exe: &Path, runs: usize) -> DeployBench {
    let tmp = tempfile::tempdir().unwrap();
    let proj = tmp.path().join("proj50");
    let bytes50 = write_project(&proj, 50, 60);
    let big = tmp.path().join("big");
    let bytes_big = write_project(&big, 1, 2400);
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    // Empties the board's filesystem.
    let clear = |fs: &Path, _name: &str| {
        for e in std::fs::read_dir(fs).unwrap().flatten() {
            let p = e.path();
            let _ = if p.is_dir() { std::fs::remove_dir_all(&p) } else { std::fs::remove_file(&p) };
        }
    };

    // The fixed cost of one command (process start, port open, raw REPL entry), to report transfer-only
    // ratios too.
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let mut c = Command::new(python());
        c.args(["-c", MPREMOTE, "connect", &port, "resume", "exec", "pass"]);
        theirs.push(time(c));
        let mut c = Command::new(exe);
        c.args(["exec", "--port", &port, "pass"]);
        ours.push(time(c));
    }
    let (fixed_mpbuild, fixed_mpremote) = (median(ours), median(theirs));

    let mut uploads = Vec::new();
    let mut verified_files = 0;
    for (label, dir, bytes) in [("50 files", &proj, bytes50), ("1 large file", &big, bytes_big)] {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            clear(&b.fs, &name);
            theirs.push(time(mpremote_cp(&port, dir, true)));
            verified_files += verify(&b.fs, dir, "mpremote cp");
            clear(&b.fs, &name);
            ours.push(time(mpbuild_cp(exe, &port, dir, true)));
            verified_files += verify(&b.fs, dir, "mpbuild cp");
        }
        uploads.push(Row { label: format!("full upload, {label} ({bytes} bytes)"), bytes, mpbuild: median(ours), mpremote: median(theirs) });
    }

    // Unchanged project: everything already on the board.
    clear(&b.fs, "proj50");
    time(mpbuild_cp(exe, &port, &proj, true));
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        theirs.push(time(mpremote_cp(&port, &proj, false)));
        ours.push(time(mpbuild_cp(exe, &port, &proj, false)));
    }
    verified_files += verify(&b.fs, &proj, "the unchanged syncs");
    DeployBench {
        runs,
        uploads,
        unchanged_mpbuild: median(ours),
        unchanged_mpremote: median(theirs),
        fixed_mpbuild,
        fixed_mpremote,
        verified_files,
    }
}
