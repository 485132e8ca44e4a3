//! `mpbuild profile` against the real MicroPython VM: locally (`--local`, the unix port as a subprocess) and
//! over the raw REPL of the VM run as a board on a pty. Checked: the slow function comes first, call
//! counts are exact, time shares agree with the program timing itself with `ticks_us` in a separate plain
//! run, the instrumented program prints what the plain one prints (and raises what it raises), the
//! program's global namespace and the REPL's are unchanged, and raising, recursive, generator, closure,
//! method and lambda code is profiled correctly.

mod common;
#[path = "common/board.rs"]
mod board;

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use board::{Faults, VmBoard};
use mpbuild::deploy::{self, ConnectOptions, Transport};
use serde_json::Value;

/// The tests of this file run one at a time: the timing comparison must not share the CPU with them.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn mpbuild(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mpbuild"))
        .args(args)
        .current_dir(dir)
        .env("MICROPYTHON", common::micropython())
        .env("NO_COLOR", "1")
        .output()
        .expect("run mpbuild")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Runs `main.py` of `dir` plainly on the VM (as `micropython main.py`): (stdout, stderr).
fn plain(dir: &Path) -> (String, String) {
    let out = Command::new(common::micropython()).arg("main.py").current_dir(dir).output().expect("run micropython");
    (text(&out.stdout), text(&out.stderr))
}

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::write_tree(dir.path(), &[("mpbuild.toml", "[target]\nmicropython = \"1.29\"\n")]);
    common::write_tree(dir.path(), files);
    dir
}

fn profile_json(dir: &Path, extra: &[&str]) -> (Value, Output) {
    let mut args = vec!["profile", "--json", "--local"];
    args.extend_from_slice(extra);
    args.push("main.py");
    let out = mpbuild(dir, &args);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", text(&out.stdout), text(&out.stderr)));
    (v, out)
}

fn function<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["functions"].as_array().unwrap().iter().find(|f| f["name"] == name).unwrap_or_else(|| panic!("no {name} in {v:#}"))
}

fn calls(v: &Value, name: &str) -> u64 {
    function(v, name)["calls"].as_u64().unwrap()
}

/// Both do the same kind of work (so that a busy machine slows them alike); `slow` does more of it.
const WORK: &str = "\
def slow(n):
    s = 0
    for i in range(n):
        s += i * i % 7
    return s


def medium(n):
    s = 0
    for i in range(n):
        s += i * i % 5
    return s


def fast(n):
    return n + 1
";

const ROUNDS: u32 = 40;

fn main_program() -> String {
    format!(
        "{WORK}\n\ndef main():\n    t = 0\n    for i in range({ROUNDS}):\n        t += slow(15000) + medium(6000) + fast(i)\n    print('total', t)\n\n\nmain()\n"
    )
}

/// The same functions, each call timed by the program itself (the independent measurement).
fn self_timed_program() -> String {
    format!(
        "import time\n{WORK}\n\nT = {{'slow': 0, 'medium': 0, 'fast': 0}}\n\n\ndef timed(name, f, a):\n    t0 = time.ticks_us()\n    r = f(a)\n    T[name] += time.ticks_diff(time.ticks_us(), t0)\n    return r\n\n\nfor i in range({ROUNDS}):\n    timed('slow', slow, 15000)\n    timed('medium', medium, 6000)\n    timed('fast', fast, i)\nprint(T['slow'], T['medium'], T['fast'])\n"
    )
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[test]
fn local_profile_ranks_the_slow_function_first_with_exact_counts_and_independent_shares() {
    let _serial = serial();
    let dir = project(&[("main.py", &main_program())]);
    let indep_dir = project(&[("main.py", &self_timed_program())]);
    let mut prof_shares = (Vec::new(), Vec::new());
    let mut indep_shares = (Vec::new(), Vec::new());
    let mut last = Value::Null;
    let mut slow_first = 0;
    // Wall-clock times on a shared machine are noisy (other processes take the CPU in the middle of a
    // call): the median of fifteen alternating runs of each.
    for _ in 0..15 {
        let (v, out) = profile_json(dir.path(), &[]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        // The program's output is passed on (on stderr in JSON mode), unchanged.
        assert!(text(&out.stderr).starts_with(&plain(dir.path()).0), "{}", text(&out.stderr));
        if v["functions"][0]["name"] == "main.slow" {
            slow_first += 1;
        }
        for (f, n) in [("main.slow", ROUNDS), ("main.medium", ROUNDS), ("main.fast", ROUNDS), ("main.main", 1), ("main.<module>", 1)] {
            assert_eq!(calls(&v, f), u64::from(n), "{f}");
        }
        let s = |n: &str| function(&v, n)["self_us"].as_f64().unwrap();
        let sum = s("main.slow") + s("main.medium") + s("main.fast");
        prof_shares.0.push(s("main.slow") / sum);
        prof_shares.1.push(s("main.medium") / sum);
        // Recursion-free: a function's total is at least its self time, and main's total holds its callees.
        let main_total = function(&v, "main.main")["total_us"].as_f64().unwrap();
        assert!(main_total >= sum - 0.5, "{v:#}");

        let (o, _) = plain(indep_dir.path());
        let t: Vec<f64> = o.split_whitespace().map(|x| x.parse().unwrap()).collect();
        let isum = t[0] + t[1] + t[2];
        indep_shares.0.push(t[0] / isum);
        indep_shares.1.push(t[1] / isum);
        last = v;
    }
    let (ps, pm) = (median(prof_shares.0), median(prof_shares.1));
    let (is, im) = (median(indep_shares.0), median(indep_shares.1));
    eprintln!("slow share: profile {ps:.4} independent {is:.4}; medium share: profile {pm:.4} independent {im:.4}");
    eprintln!("overhead: {}", last["overhead"]);
    // The slow function comes first (in every run on a quiet machine; a run in which another process took
    // the CPU for milliseconds in the middle of `medium` may rank it second, so: in most runs).
    assert!(slow_first >= 12, "main.slow came first in {slow_first} of 15 runs");
    // Its share agrees with the independent measurement within 10 %. The shares add up to one (`fast` is
    // negligible), so `medium`'s share moves by as many points: it gets the same margin in points.
    let margin = 0.10 * is;
    assert!((ps - is).abs() <= margin, "slow: profile {ps} vs independent {is}");
    assert!((pm - im).abs() <= margin, "medium: profile {pm} vs independent {im}");
    // The flame graph and the stored profile are written.
    let svg = std::fs::read_to_string(dir.path().join(".mpbuild/profile.svg")).unwrap();
    assert!(svg.contains("main.slow"));
    let stored: Value = serde_json::from_slice(&std::fs::read(dir.path().join(".mpbuild/profile.json")).unwrap()).unwrap();
    assert_eq!(stored["functions"], last["functions"]);
    let slow = function(&stored, "main.slow");
    assert_eq!((slow["file"].as_str(), slow["line"].as_u64(), slow["qualified_name"].as_str()), (Some("main.py"), Some(1), Some("slow")));
}

const SHAPES: &str = "\
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def gen(n):
    for i in range(n):
        yield i


def relay(n):
    yield from gen(n)


def make_adder(k):
    def add(x):
        return x + k
    return add


class Acc:
    def __init__(self):
        self.t = 0

    def push(self, v):
        self.t += v


sq = lambda x: x * x


def boom():
    raise KeyError('k')


def catcher():
    try:
        boom()
    except KeyError:
        return 1


def main():
    print(fib(FIB))
    print(sum(gen(5)), list(relay(3)))
    g = gen(10)
    next(g)
    g.close()
    a = make_adder(3)
    print([a(i) for i in range(4)])
    acc = Acc()
    for i in range(7):
        acc.push(i)
    print(acc.t, list(map(sq, range(3))))
    print(sum(catcher() for _ in range(5)))


FIB = 10
main()
print(__name__, sorted(globals().keys()))
";

fn fib_calls(n: u64) -> u64 {
    if n < 2 { 1 } else { 1 + fib_calls(n - 1) + fib_calls(n - 2) }
}

#[test]
fn recursion_generators_closures_methods_lambdas_and_exceptions() {
    let _serial = serial();
    let dir = project(&[("main.py", SHAPES)]);
    let (plain_out, plain_err) = plain(dir.path());
    assert!(plain_err.is_empty(), "{plain_err}");
    // Human mode: the program's output first, unchanged, then the table.
    let out = mpbuild(dir.path(), &["profile", "--local", "main.py"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with(&plain_out), "instrumented:\n{stdout}\nplain:\n{plain_out}");
    assert!(stdout[plain_out.len()..].starts_with("\nprofile of main.py (local)"), "{stdout}");
    assert!(plain_out.contains("__main__ ['Acc', 'FIB', '__file__', '__name__'"), "{plain_out}");

    let (v, _) = profile_json(dir.path(), &[]);
    assert_eq!(calls(&v, "main.fib"), fib_calls(10));
    // Generators count resumes: 5 values and the end; relay's 3 values and the end; next() then close().
    assert_eq!(calls(&v, "main.gen"), 6 + 4 + 2);
    assert_eq!(calls(&v, "main.relay"), 1 + 1, "relay suspends once in its yield from");
    assert_eq!(function(&v, "main.gen")["kind"], "generator");
    assert_eq!(calls(&v, "main.make_adder"), 1);
    assert_eq!(calls(&v, "main.make_adder.add"), 4);
    assert_eq!(calls(&v, "main.Acc.__init__"), 1);
    assert_eq!(calls(&v, "main.Acc.push"), 7);
    assert_eq!(calls(&v, "main.<lambda@31>"), 3);
    assert_eq!(calls(&v, "main.boom"), 5);
    assert_eq!(calls(&v, "main.catcher"), 5);
    // Recursion: fib's total is counted once per outermost call, so it is within main's total.
    let fib = function(&v, "main.fib");
    let main = function(&v, "main.main");
    assert!(fib["total_us"].as_f64().unwrap() >= fib["self_us"].as_f64().unwrap());
    assert!(fib["total_us"].as_f64().unwrap() <= main["total_us"].as_f64().unwrap(), "{v:#}");
}

#[test]
fn a_raising_program_raises_the_same_and_is_still_profiled() {
    let _serial = serial();
    let src = "def inner(x):\n    return 10 // x\n\n\ndef outer(x):\n    print('outer', x)\n    return inner(x)\n\n\nfor i in (2, 1, 0):\n    print(outer(i))\n";
    let dir = project(&[("main.py", src)]);
    let (plain_out, plain_err) = plain(dir.path());
    // The traceback is on stderr (the unix port) or on stdout (its pybind-wrapped build): same place here.
    assert!((plain_out.clone() + &plain_err).contains("Traceback (most recent call last):\n  File \"main.py\", line 11"));
    let out = mpbuild(dir.path(), &["profile", "--local", "main.py"]);
    assert!(!out.status.success(), "a program that raises makes mpbuild fail");
    // The output and the traceback are the plain run's: the profiler's frames are not shown.
    assert!(text(&out.stdout).starts_with(&plain_out), "instrumented:\n{}\nplain:\n{plain_out}", text(&out.stdout));
    assert!(text(&out.stderr).starts_with(&plain_err), "instrumented:\n{}\nplain:\n{plain_err}", text(&out.stderr));
    let (v, _) = profile_json(dir.path(), &[]);
    assert_eq!(calls(&v, "main.outer"), 3);
    assert_eq!(calls(&v, "main.inner"), 3);
    assert_eq!(v["exception"], "ZeroDivisionError: divide by zero");
}

#[test]
fn modules_of_the_project_are_profiled_under_their_names() {
    let _serial = serial();
    let dir = project(&[
        ("main.py", "from lib import helper\nimport util\n\nprint(helper.twice(4), util.inc(1))\n"),
        ("lib/helper.py", "def twice(x):\n    return 2 * x\n"),
        ("util.py", "def inc(x):\n    return x + 1\n"),
    ]);
    let (plain_out, _) = plain(dir.path());
    let (v, out) = profile_json(dir.path(), &[]);
    assert_eq!(text(&out.stderr), plain_out);
    assert_eq!(calls(&v, "lib.helper.twice"), 1);
    assert_eq!(function(&v, "lib.helper.twice")["file"], "lib/helper.py");
    assert_eq!(calls(&v, "util.inc"), 1);
    assert_eq!(calls(&v, "util.<module>"), 1);
}

fn connect(port: &str) -> deploy::SerialBoard {
    deploy::connect(&ConnectOptions { port: Some(port.to_string()), timeout: Duration::from_secs(10), ..ConnectOptions::default() }).unwrap()
}

#[test]
fn board_profile_over_the_raw_repl_leaves_the_board_as_it_was() {
    let _serial = serial();
    let dir = project(&[("main.py", SHAPES)]);
    let board_fs = tempfile::tempdir().unwrap();
    let mut b = VmBoard::start_in(board_fs.path());
    let port = b.connect(Faults::default());
    let globals_before = {
        let mut t = connect(&port);
        t.exec(b"user_value = 42").unwrap();
        let g = t.exec(b"print(sorted(globals()))").unwrap();
        let _ = t.exit_raw();
        g
    };
    let out = mpbuild(dir.path(), &["profile", "--json", "--port", &port, "main.py"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(calls(&v, "main.fib"), fib_calls(10));
    assert_eq!(calls(&v, "main.Acc.push"), 7);
    assert_eq!(v["ran_on"], port.as_str());
    let (plain_out, _) = plain(dir.path());
    assert_eq!(text(&out.stderr), plain_out);
    let mut t = connect(&port);
    assert_eq!(t.exec(b"print(sorted(globals()))").unwrap(), globals_before, "the REPL's globals changed");
    assert!(!board_fs.path().join(".mpprof").exists(), "the uploaded files were left on the board");
}

#[test]
fn native_and_viper_functions_are_profiled_too() {
    let _serial = serial();
    let src = "import micropython\n\n\n@micropython.native\ndef nat(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n\n\n@micropython.native\ndef ngen(n):\n    for i in range(n):\n        yield i * 2\n\n\n@micropython.viper\ndef vip(n: int) -> int:\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n\n\n@micropython.native\ndef nraise():\n    raise ValueError('x')\n\n\nfor k in range(3):\n    print(nat(100 * k), list(ngen(k)), vip(k))\n    try:\n        nraise()\n    except ValueError as e:\n        print('caught', e)\n";
    let dir = project(&[("main.py", src)]);
    common::write_tree(dir.path(), &[("mpbuild.toml", "[target]\nmicropython = \"1.29\"\narch = \"x64\"\n")]);
    let (plain_out, _) = plain(dir.path());
    let (v, out) = profile_json(dir.path(), &[]);
    assert_eq!(text(&out.stderr), plain_out);
    assert_eq!(calls(&v, "main.nat"), 3);
    assert_eq!(calls(&v, "main.vip"), 3);
    assert_eq!(calls(&v, "main.nraise"), 3);
    assert_eq!(calls(&v, "main.ngen"), (0..3).map(|k| k + 1).sum::<u64>());
    assert_eq!(function(&v, "main.nat")["line"], 5);
}
