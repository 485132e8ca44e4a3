//! Deploy benchmark: mpbuild against PyPI mpremote on the same pseudo-terminal link to the real MicroPython
//! VM, with the same files. Prints full-upload throughput and unchanged-project sync time, and their
//! ratios.
//!
//!     cargo run --release -p mpbuild --example deploy_bench [-- --runs N]
//!
//! Both tools are measured as a user runs them (whole command, wall clock): `mpbuild cp -r [-f] DIR :`
//! and `mpremote connect PORT resume fs cp -r [-f] DIR :`. mpremote runs with `resume` (the unix port has
//! no soft reset) and with pyserial's DTR/RTS updates disabled (a pty has no modem lines). Environment:
//! `MPREMOTE_PYTHON` (the venv's python), `MICROPYTHON`, `MPY_VENV`.

#[path = "../tests/common/board.rs"]
mod board;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use board::{Faults, VmBoard};

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

fn mpbuild_exe() -> PathBuf {
    let me = std::env::current_exe().unwrap();
    // target/<profile>/examples/deploy_bench → target/<profile>/mpbuild
    let p = me.parent().and_then(Path::parent).map(|d| d.join("mpbuild")).unwrap();
    assert!(p.exists(), "build the mpbuild binary first (cargo build --release -p mpbuild): {}", p.display());
    p
}

fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("MPREMOTE_PYTHON") {
        return PathBuf::from(p);
    }
    board::vm_path().parent().unwrap().join("python")
}

const MPREMOTE: &str = "import sys\nimport serial.serialposix as s\ns.Serial._update_dtr_state = lambda self: None\ns.Serial._update_rts_state = lambda self: None\nfrom mpremote.main import main\nsys.argv = ['mpremote'] + sys.argv[1:]\nsys.exit(main())\n";

fn time(mut cmd: Command) -> Duration {
    let t0 = Instant::now();
    let out = cmd.output().expect("run the tool");
    let d = t0.elapsed();
    assert!(out.status.success(), "{:?} failed:\n{}\n{}", cmd, String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    d
}

fn mpbuild_cp(port: &str, dir: &Path, force: bool) -> Command {
    let mut c = Command::new(mpbuild_exe());
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

fn clear(board_fs: &Path, name: &str) {
    let _ = std::fs::remove_dir_all(board_fs.join(name));
}

fn main() {
    let runs: usize = std::env::args().skip_while(|a| a != "--runs").nth(1).and_then(|s| s.parse().ok()).unwrap_or(3);
    let tmp = tempfile::tempdir().unwrap();
    let proj = tmp.path().join("proj50");
    let bytes50 = write_project(&proj, 50, 60);
    let big = tmp.path().join("big");
    let bytes_big = write_project(&big, 1, 2400);
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    eprintln!("board: MicroPython VM on a pty, port {port}; {runs} run(s) each, median");

    // The fixed cost of one command (process start, port open, raw REPL entry), to report transfer-only
    // ratios too.
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for _ in 0..runs {
        let mut c = Command::new(python());
        c.args(["-c", MPREMOTE, "connect", &port, "resume", "exec", "pass"]);
        theirs.push(time(c));
        let mut c = Command::new(mpbuild_exe());
        c.args(["exec", "--port", &port, "pass"]);
        ours.push(time(c));
    }
    let (o_fixed, t_fixed) = (median(ours), median(theirs));

    let mut rows = Vec::new();
    for (label, dir, bytes) in [("50 files", &proj, bytes50), ("1 large file", &big, bytes_big)] {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut ours = Vec::new();
        let mut theirs = Vec::new();
        for _ in 0..runs {
            clear(&b.fs, &name);
            theirs.push(time(mpremote_cp(&port, dir, true)));
            clear(&b.fs, &name);
            ours.push(time(mpbuild_cp(&port, dir, true)));
        }
        let (o, t) = (median(ours), median(theirs));
        rows.push((format!("full upload, {label} ({bytes} bytes)"), o, t, bytes));
    }
    // Unchanged project: everything already on the board.
    let name = "proj50";
    clear(&b.fs, name);
    time(mpbuild_cp(&port, &proj, true));
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for _ in 0..runs {
        theirs.push(time(mpremote_cp(&port, &proj, false)));
        ours.push(time(mpbuild_cp(&port, &proj, false)));
    }
    let (o_unch, t_unch) = (median(ours), median(theirs));

    println!("{:<44} {:>12} {:>12} {:>14} {:>14} {:>8}", "", "mpbuild", "mpremote", "mpbuild KB/s", "mpremote KB/s", "ratio");
    for (label, o, t, bytes) in &rows {
        let ko = *bytes as f64 / 1024.0 / o.as_secs_f64();
        let kt = *bytes as f64 / 1024.0 / t.as_secs_f64();
        println!("{label:<44} {:>10.0}ms {:>10.0}ms {ko:>14.1} {kt:>14.1} {:>7.2}x", o.as_secs_f64() * 1e3, t.as_secs_f64() * 1e3, ko / kt);
    }
    println!(
        "{:<44} {:>10.0}ms {:>10.0}ms {:>14} {:>14} {:>7.2}x",
        "unchanged 50-file sync",
        o_unch.as_secs_f64() * 1e3,
        t_unch.as_secs_f64() * 1e3,
        "",
        "",
        t_unch.as_secs_f64() / o_unch.as_secs_f64()
    );
    println!(
        "{:<44} {:>10.0}ms {:>10.0}ms",
        "fixed cost of one command (exec pass)",
        o_fixed.as_secs_f64() * 1e3,
        t_fixed.as_secs_f64() * 1e3
    );
    for (label, o, t, _) in &rows {
        let net_o = o.saturating_sub(o_fixed).as_secs_f64().max(1e-4);
        let net_t = t.saturating_sub(t_fixed).as_secs_f64().max(1e-4);
        println!("transfer-only ratio, {label:<30} {:>7.2}x", net_t / net_o);
    }
    let thr = rows.iter().map(|(_, o, t, _)| t.as_secs_f64() / o.as_secs_f64()).fold(f64::INFINITY, f64::min);
    println!("throughput ratio (worst case) {thr:.2}x (target >= 3x); unchanged 50-file sync {:.3} s (target <= 0.3 s)", o_unch.as_secs_f64());
}
