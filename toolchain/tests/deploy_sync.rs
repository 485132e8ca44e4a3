//! Deploying the example project to the real MicroPython VM on a pseudo-terminal (the board's filesystem
//! is a temporary directory): the deployed `.mpy` tree runs like the sources; a second deploy of an
//! unchanged project transfers nothing; mirror deletes, ignore rules, dry runs, path mapping; file
//! operations (read, hash, cp, rm); and the `mpbuild deploy --port` / `mpbuild run --port` commands.

mod common;
#[path = "common/board.rs"]
mod board;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use board::{Faults, VmBoard};
use mpbuild::cache::Cache;
use mpbuild::deploy::fs::{Board, Upload};
use mpbuild::deploy::progress::{NoProgress, Recorder};
use mpbuild::deploy::project::{self, DeployRequest};
use mpbuild::deploy::{self, ConnectOptions, Transport};
use mpbuild::progress::NoProgress as NoBuildProgress;
use mpbuild::project::Project;

fn opts(port: &str) -> ConnectOptions {
    ConnectOptions { port: Some(port.to_string()), timeout: Duration::from_secs(5), ..ConnectOptions::default() }
}

/// The sensor-app example copied into `dir`, compiled for the VM (x64 instead of the Pico's armv6m), with
/// extra configuration appended.
fn example(dir: &Path, extra_config: &str) -> PathBuf {
    let app = common::copy_example(dir);
    let cfg = app.join("mpbuild.toml");
    let text = std::fs::read_to_string(&cfg).unwrap().replace("board = \"RPI_PICO\"", "board = \"RPI_PICO\"\narch = \"x64\"");
    std::fs::write(&cfg, text + extra_config).unwrap();
    app
}

/// Runs the deployed app on the board: `/lib` is on a board's sys.path; the VM's working directory is the
/// board's root, so `lib` is added by hand.
fn run_on_board(t: &mut dyn Transport) -> String {
    let out = t.exec(b"import sys\nsys.path.append('lib')\nexec(open('main.py').read())").unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

fn deploy_once(app: &Path, t: &mut dyn Transport, req: &DeployRequest) -> project::ProjectDeployReport {
    let p = Project::load(Some(app)).unwrap();
    let cache = Cache::new(p.cache_dir());
    let mut board = Board::new(t);
    project::deploy(&p, &common::compiler(), &cache, &mut board, req, &NoBuildProgress, &NoProgress).unwrap()
}

#[test]
fn example_deploys_runs_and_redeploys_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let app = example(tmp.path(), "");
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    let mut t = deploy::connect(&opts(&port)).unwrap();

    let r = deploy_once(&app, &mut t, &DeployRequest::default());
    assert!(!r.sync.plan.upload.is_empty());
    assert!(b.fs.join("main.py").is_file());
    assert!(b.fs.join("lib/dsp/filter.mpy").is_file(), "the viper module is deployed compiled");
    assert!(!b.fs.join("app.py").exists(), "app.py is deployed as app.mpy");
    // Every deployed file is byte-identical to the build output.
    for f in &r.build.files {
        assert_eq!(std::fs::read(b.fs.join(&f.output)).unwrap(), std::fs::read(r.build.out_dir.join(&f.output)).unwrap(), "{}", f.output);
    }

    // The app on the board prints what the sources print on the VM.
    let expected = common::run_vm(&app, "import sys\nsys.path.append('lib')\nexec(open('main.py').read())", &[]);
    assert!(expected.contains("avg"), "{expected}");
    assert_eq!(run_on_board(&mut t), expected);

    // Unchanged project: nothing transferred.
    let again = deploy_once(&app, &mut t, &DeployRequest::default());
    assert!(again.sync.plan.upload.is_empty(), "{:?}", again.sync.plan.upload);
    assert!(again.sync.plan.mkdir.is_empty());
    assert_eq!(again.sync.plan.unchanged.len(), r.build.files.len());

    // One source changed: only its output goes.
    let drv = app.join("drivers/display.py");
    let text = std::fs::read_to_string(&drv).unwrap();
    std::fs::write(&drv, text + "\nEXTRA = 1\n").unwrap();
    let third = deploy_once(&app, &mut t, &DeployRequest::default());
    assert_eq!(third.sync.plan.upload, vec!["drivers/display.mpy".to_string()]);
}

#[test]
fn mirror_deletes_and_ignores_as_configured() {
    let tmp = tempfile::tempdir().unwrap();
    let app = example(tmp.path(), "\n[deploy]\ndelete = true\nignore = [\"data/\"]\n");
    std::fs::write(app.join(".mpbuildignore"), "# board-side files the app writes\n*.log\n").unwrap();
    let mut b = VmBoard::start();
    for (p, text) in [("old.py", "stale"), ("lib/gone.mpy", "x"), ("data/readings.csv", "1,2"), ("boot.log", "booted"), ("junk/x.txt", "j")] {
        let path = b.fs.join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let port = b.connect(Faults::default());
    let mut t = deploy::connect(&opts(&port)).unwrap();

    // Dry run: a plan, no change.
    let dry = deploy_once(&app, &mut t, &DeployRequest { dry_run: true, ..DeployRequest::default() });
    assert!(dry.sync.plan.delete_files.contains(&"old.py".to_string()));
    assert!(b.fs.join("old.py").exists());
    assert!(!b.fs.join("main.py").exists());

    let r = deploy_once(&app, &mut t, &DeployRequest::default());
    let mut deleted = r.sync.plan.delete_files.clone();
    deleted.sort();
    assert_eq!(deleted, vec!["junk/x.txt", "lib/gone.mpy", "old.py"]);
    assert_eq!(r.sync.plan.delete_dirs, vec!["junk"]);
    assert!(!b.fs.join("old.py").exists() && !b.fs.join("junk").exists() && !b.fs.join("lib/gone.mpy").exists());
    assert!(b.fs.join("data/readings.csv").exists(), "ignored directory kept");
    assert!(b.fs.join("boot.log").exists(), ".mpbuildignore pattern kept");
    assert!(b.fs.join("main.py").exists());

    // --no-delete (delete: Some(false)) keeps a new stray file.
    std::fs::write(b.fs.join("stray.py"), "s").unwrap();
    let keep = deploy_once(&app, &mut t, &DeployRequest { delete: Some(false), ..DeployRequest::default() });
    assert!(keep.sync.plan.delete_files.is_empty() && b.fs.join("stray.py").exists());

    // Path mapping and a destination directory.
    let mapped = deploy_once(&app, &mut t, &DeployRequest { dest: Some(":app".into()), map: vec![("lib".into(), "vendor".into())], delete: Some(false), ..DeployRequest::default() });
    assert!(mapped.sync.plan.upload.iter().all(|p| p.starts_with("app/")));
    assert!(b.fs.join("app/vendor/dsp/filter.mpy").is_file());
    assert!(b.fs.join("app/main.py").is_file());
}

#[test]
fn file_operations_round_trip_binary_data() {
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    let mut t = deploy::connect(&opts(&port)).unwrap();
    let mut board = Board::new(&mut t);
    let caps = board.caps().unwrap();
    assert!(caps.codec.deflate && caps.codec.base64 && caps.sha256, "{caps:?}");
    // Every byte value, a compressible text, an empty file and a file bigger than one exec.
    let all: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    let text = "x = 1\n".repeat(20_000).into_bytes();
    let files = vec![
        Upload { path: "bin.dat".into(), data: all.clone() },
        Upload { path: "big.py".into(), data: text.clone() },
        Upload { path: "empty".into(), data: Vec::new() },
    ];
    let rec = Recorder::default();
    board.write_files(&files, &rec).unwrap();
    assert_eq!(std::fs::read(b.fs.join("bin.dat")).unwrap(), all);
    assert_eq!(std::fs::read(b.fs.join("big.py")).unwrap(), text);
    assert_eq!(std::fs::read(b.fs.join("empty")).unwrap(), b"");
    assert!(rec.events().iter().any(|e| matches!(e, deploy::progress::DeployEvent::Advanced { .. })));
    assert_eq!(board.read("bin.dat", &NoProgress).unwrap(), all);
    assert_eq!(board.sha256("big.py").unwrap(), deploy::codec::sha256_hex(&text));
    assert_eq!(board.stat("big.py").unwrap(), Some((false, text.len() as u64)));
    assert_eq!(board.stat("nope").unwrap(), None);
    let e = board.read("nope", &NoProgress).unwrap_err();
    assert!(e.to_string().contains("no such file"), "{e}");
    board.mkdirs(&["d".into(), "d/e".into()]).unwrap();
    assert!(b.fs.join("d/e").is_dir());
    let listing = board.walk("", &BTreeMap::new(), &[]).unwrap();
    assert!(listing.iter().any(|e| e.path == "d/e" && e.is_dir));
    board.remove_files(&["bin.dat".into()]).unwrap();
    board.remove_dirs(&["d/e".into(), "d".into()]).unwrap();
    assert!(!b.fs.join("bin.dat").exists() && !b.fs.join("d").exists());
    let info = deploy::info::query(&mut t).unwrap();
    assert_eq!(info.platform, "linux");
    assert_eq!(info.mpy, "6.3");
    assert_eq!(info.arch, "x64");
}

/// The CLI as users run it (compiling with mpbuild's own compiler).
fn mpbuild() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mpbuild"))
}

#[test]
fn cli_deploy_and_run_on_a_port() {
    let tmp = tempfile::tempdir().unwrap();
    let app = example(tmp.path(), "");
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());

    let out = mpbuild().args(["deploy", "--port", &port]).arg(&app).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("deployed"), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(b.fs.join("lib/dsp/filter.mpy").is_file());

    // `run` prints exactly the program's output on stdout.
    let script = tmp.path().join("hello.py");
    std::fs::write(&script, "import sys\nsys.path.append('lib')\nfrom dsp.filter import smooth\nprint('hello', 6 * 7)\nprint(smooth(bytearray([16, 39, 16, 39]), 2))\n").unwrap();
    let out = mpbuild().args(["run", "--port", &port]).arg(&script).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hello 42\n10000\n");

    // A failing program: traceback on stderr, exit status 1, stdout has only what it printed.
    std::fs::write(&script, "print('before')\nraise ValueError('boom')\n").unwrap();
    let out = mpbuild().args(["run", "--port", &port]).arg(&script).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "before\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("ValueError: boom"));

    // Second deploy: nothing uploaded, reported as JSON.
    let out = mpbuild().args(["deploy", "--json", "--port", &port]).arg(&app).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["deploy"]["sync"]["plan"]["upload"].as_array().map(Vec::len), Some(0), "{v}");

    // ls / cat / cp / rm / exec / info.
    let out = mpbuild().args(["ls", "--port", &port, ":lib/dsp"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("filter.mpy"), "{}", String::from_utf8_lossy(&out.stdout));
    let out = mpbuild().args(["cat", "--port", &port, ":main.py"]).output().unwrap();
    assert_eq!(out.stdout, std::fs::read(app.join("main.py")).unwrap());
    let local = tmp.path().join("notes.txt");
    std::fs::write(&local, "notes").unwrap();
    let out = mpbuild().args(["cp", "--port", &port]).arg(&local).arg(":").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(b.fs.join("notes.txt")).unwrap(), "notes");
    let back = tmp.path().join("back.txt");
    let out = mpbuild().args(["cp", "--port", &port, ":notes.txt"]).arg(&back).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&back).unwrap(), "notes");
    let out = mpbuild().args(["rm", "--port", &port, ":notes.txt"]).output().unwrap();
    assert!(out.status.success() && !b.fs.join("notes.txt").exists());
    let out = mpbuild().args(["exec", "--port", &port, "print(1 + 1)"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2\n");
    let out = mpbuild().args(["info", "--json", "--port", &port]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["info"]["mpy"], "6.3");

    // A port that does not exist: a clear error, no hang.
    let out = mpbuild().args(["run", "--port", "/dev/nonexistent-port"]).arg(&script).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot open /dev/nonexistent-port"), "{}", String::from_utf8_lossy(&out.stderr));
}

/// `mpbuild build --device PORT` against the VM on a pseudo-terminal: the target is read from the board
/// over the raw REPL (x64, .mpy 6.3), the native module is compiled for it, byte-identical to mpy-cross with
/// `-march=x64`, and runs on the board; a project for another arch is refused with what to do.
#[test]
fn cli_build_matched_to_the_board_on_a_pty() {
    let tmp = tempfile::tempdir().unwrap();
    let proj = tmp.path().join("proj");
    common::write_tree(
        &proj,
        &[
            ("fast.py", "@micropython.viper\ndef mix(a: int, b: int) -> int:\n    return (a << 3) ^ b\n\n@micropython.native\ndef total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n"),
            ("util.py", "def twice(x):\n    return 2 * x\n"),
        ],
    );
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    let out = mpbuild().args(["--json", "build"]).arg(&proj).args(["--device", &port]).output().unwrap();
    assert!(out.status.success(), "{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["build"]["target"].as_str().unwrap().starts_with("x64, mpy 6.3"), "{v}");
    let built = proj.join("build/mpy");
    for (name, march) in [("fast", Some("x64")), ("util", None)] {
        let mut c = Command::new(common::mpy_cross());
        c.args(["-s", &format!("{name}.py")]).arg(proj.join(format!("{name}.py"))).arg("-o").arg(tmp.path().join("ref.mpy"));
        if let Some(m) = march {
            c.arg(format!("-march={m}"));
        }
        assert!(c.status().unwrap().success());
        assert_eq!(std::fs::read(built.join(format!("{name}.mpy"))).unwrap(), std::fs::read(tmp.path().join("ref.mpy")).unwrap(), "{name}.mpy");
    }
    // The device-matched .mpy files run on that board.
    for f in ["fast.mpy", "util.mpy"] {
        std::fs::copy(built.join(f), b.fs.join(f)).unwrap();
    }
    let mut t = deploy::connect(&opts(&port)).unwrap();
    let got = t.exec(b"import fast, util\nprint(fast.mix(5, 3), fast.total([1, 2, 3]), util.twice(21))").unwrap();
    assert_eq!(String::from_utf8_lossy(&got), "43 6 42\n");
    drop(t);

    // The example names the Pico (armv6m): refused against this board, saying how to fix it.
    let app = common::copy_example(tmp.path());
    let out = mpbuild().args(["--json", "build"]).arg(&app).args(["--device", &port]).output().unwrap();
    assert!(!out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["error"]["code"], "mpbuild::device::mismatch", "{v}");
    assert!(v["error"]["help"].as_str().unwrap().contains("arch = \"x64\""), "{v}");
    assert!(!app.join("build").exists(), "nothing is written for a refused target");
}
