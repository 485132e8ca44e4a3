//! The build, through the product's compile step (our compiler): outputs byte-identical to mpy-cross 1.29
//! run per file with the same flags, the incremental cache, every file's error reported together (as
//! mpy-cross reports them), bad input refused with nothing half-written, and the differential check of our
//! compiler against mpy-cross on every module of the example.

mod common;

use std::path::Path;
use std::process::Command;

use mpbuild::build;
use mpbuild::cache::Cache;
use mpbuild::compiler::{mpy_cross_args, BuiltIn, Compiler};
use mpbuild::config::{Config, ConfigSource};
use mpbuild::progress::{NoProgress, Recorder};
use mpbuild::project::Action;
use mpbuild::Project;

fn project(dir: &Path, toml: &str) -> Project {
    let cfg = Config::parse(toml, &dir.join("mpbuild.toml")).unwrap();
    Project::from_config(dir, cfg, ConfigSource::Defaults).unwrap()
}

/// The example, retargeted at x64 (the arch our native emitter and the VM share).
fn example(tmp: &Path) -> Project {
    let mut p = Project::load(Some(&common::copy_example(tmp))).unwrap();
    common::for_the_vm(&mut p);
    p
}

/// mpy-cross run directly on the project file, with the flags mpbuild derives for it.
fn mpy_cross_direct(p: &Project, unit: &mpbuild::project::Unit, tmp: &Path) -> Vec<u8> {
    let opts = p.compile_options(unit, "");
    let out = tmp.join("direct.mpy");
    let o = Command::new(common::mpy_cross())
        .args(mpy_cross_args(&opts))
        .arg(&unit.abs)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read(out).unwrap()
}

#[test]
fn outputs_equal_mpy_cross_per_file_and_tree_layout() {
    let tmp = tempfile::tempdir().unwrap();
    // The board's own target first (RPI_PICO: the viper module as armv6m code), as `mpbuild build` does.
    let board = Project::load(Some(&common::copy_example(&tmp.path().join("board")))).unwrap();
    let out = tmp.path().join("board-out");
    build::build(&board, &common::compiler(), &Cache::disabled(), &out, &NoProgress).unwrap();
    for unit in board.units().unwrap().iter().filter(|u| u.action == Action::Compile) {
        assert_eq!(std::fs::read(out.join(&unit.out)).unwrap(), mpy_cross_direct(&board, unit, tmp.path()), "{}", unit.rel);
    }
    assert_eq!(mpy_vm::mpy::read(&std::fs::read(out.join("lib/dsp/filter.mpy")).unwrap()).unwrap().header.arch, Some(mpy_vm::Arch::Armv6m));

    let p = example(tmp.path());
    let out = tmp.path().join("out");
    let report = build::build(&p, &common::compiler(), &Cache::new(tmp.path().join("cache")), &out, &NoProgress).unwrap();
    assert_eq!(report.compiled, 6);
    assert_eq!(report.copied, 1);
    for unit in p.units().unwrap() {
        let written = std::fs::read(out.join(&unit.out)).unwrap();
        match unit.action {
            Action::Compile => assert_eq!(written, mpy_cross_direct(&p, &unit, tmp.path()), "{}", unit.rel),
            Action::Copy => assert_eq!(written, std::fs::read(&unit.abs).unwrap()),
        }
    }
    // The source name embedded is the path relative to the project.
    let m = mpy_vm::mpy::read(&std::fs::read(out.join("drivers/sensor.mpy")).unwrap()).unwrap();
    assert_eq!(m.qstrs[0], "drivers/sensor.py");
    // The viper module carries the target's arch; bytecode modules carry none.
    assert_eq!(mpy_vm::mpy::read(&std::fs::read(out.join("lib/dsp/filter.mpy")).unwrap()).unwrap().header.arch, Some(mpy_vm::Arch::X64));
    assert_eq!(m.header.arch, None);
    assert!(out.join("main.py").is_file() && !out.join("main.mpy").exists());
}

#[test]
fn incremental_cache_noop_and_one_edit() {
    let tmp = tempfile::tempdir().unwrap();
    let p = example(tmp.path());
    let out = tmp.path().join("out");
    let cache = Cache::new(tmp.path().join("cache"));
    let c = common::Counting::new(common::compiler());
    build::build(&p, &c, &cache, &out, &NoProgress).unwrap();
    assert_eq!(c.take(), 6);

    let mtimes = |dir: &Path| -> Vec<std::time::SystemTime> {
        p.units().unwrap().iter().map(|u| std::fs::metadata(dir.join(&u.out)).unwrap().modified().unwrap()).collect()
    };
    let before = mtimes(&out);
    let r = build::build(&p, &c, &cache, &out, &NoProgress).unwrap();
    assert_eq!(c.take(), 0, "a no-op rebuild compiles nothing");
    assert_eq!((r.cached, r.written, r.unchanged), (6, 0, 7));
    assert_eq!(mtimes(&out), before, "a no-op rebuild writes nothing");

    // Touching a file (same content) compiles nothing: the cache is keyed by content.
    let sensor = p.root.join("drivers/sensor.py");
    let text = std::fs::read_to_string(&sensor).unwrap();
    std::fs::write(&sensor, &text).unwrap();
    build::build(&p, &c, &cache, &out, &NoProgress).unwrap();
    assert_eq!(c.take(), 0);

    // Editing one file recompiles exactly that file and rewrites exactly its output.
    std::fs::write(&sensor, text.replace("_ADDR = 0x48", "_ADDR = 0x49")).unwrap();
    let r = build::build(&p, &c, &cache, &out, &NoProgress).unwrap();
    assert_eq!(c.take(), 1);
    assert_eq!((r.compiled, r.written), (1, 1));
    let changed: Vec<&str> =
        r.files.iter().filter(|f| f.written == mpbuild::progress::ItemStatus::Written).map(|f| f.source.as_str()).collect();
    assert_eq!(changed, ["drivers/sensor.py"]);

    // A removed source's output is removed.
    std::fs::remove_file(p.root.join("drivers/display.py")).unwrap();
    let r = build::build(&p, &c, &cache, &out, &NoProgress).unwrap();
    assert_eq!(r.removed, ["drivers/display.mpy"]);
    assert!(!out.join("drivers/display.mpy").exists());
}

#[test]
fn progress_events_cover_every_file() {
    let tmp = tempfile::tempdir().unwrap();
    let p = example(tmp.path());
    let rec = Recorder::default();
    build::build(&p, &common::compiler(), &Cache::disabled(), &tmp.path().join("out"), &rec).unwrap();
    let items = rec.events().iter().filter(|e| matches!(e, mpbuild::progress::ProgressEvent::Item { op: mpbuild::progress::Operation::Compile, .. })).count();
    assert_eq!(items, 7);
}

#[test]
fn every_error_reported_together_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tree(
        tmp.path(),
        &[("good.py", "x = 1\n"), ("bad1.py", "def f(:\n"), ("sub/bad2.py", "x = 1\n  y = 2\n"), ("bad3.py", "return 5\n")],
    );
    let p = project(tmp.path(), "");
    let out = tmp.path().join("out");
    let failures = |c: &dyn Compiler| {
        let e = build::build(&p, c, &Cache::disabled(), &out, &NoProgress).unwrap_err();
        let mpbuild::Error::Compile { errors } = e else { panic!("{e:?}") };
        errors
    };
    let ours = failures(&common::compiler());
    let got: Vec<(&str, Option<u32>, &str)> = ours.iter().map(|f| (f.path.as_str(), f.line, f.kind.as_str())).collect();
    assert_eq!(
        got,
        [("bad1.py", Some(1), "SyntaxError"), ("bad3.py", Some(1), "SyntaxError"), ("sub/bad2.py", Some(2), "IndentationError")]
    );
    // Each error is what mpy-cross prints for that file, word for word (mpy-cross run in the project on the
    // relative path, as a per-file loop runs it).
    for f in &ours {
        let o = Command::new(common::mpy_cross()).arg(&f.path).arg("-o").arg(tmp.path().join("x.mpy")).current_dir(tmp.path()).output().unwrap();
        assert!(!o.status.success());
        assert_eq!(f.rendered, String::from_utf8_lossy(&o.stderr), "{}: the error differs from mpy-cross's stderr", f.path);
    }
    // The same build with mpy-cross injected reports the same errors, naming the project files.
    let theirs = failures(&common::oracle());
    assert_eq!(ours.len(), theirs.len());
    for (a, b) in ours.iter().zip(&theirs) {
        assert_eq!((&a.path, a.line, &a.kind, &a.message, &a.rendered), (&b.path, b.line, &b.kind, &b.message, &b.rendered));
    }
    assert!(!out.exists(), "nothing is written when a file fails");
}

#[test]
fn bad_input_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // Name clash: foo.py and foo/__init__.py.
    common::write_tree(d, &[("foo.py", ""), ("foo/__init__.py", "")]);
    let e = project(d, "").units().unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::project::name_clash");
    assert!(e.to_string().contains("`foo.py` and `foo/__init__.py` both define module `foo`"), "{e}");
    std::fs::remove_file(d.join("foo.py")).unwrap();

    // A symlink leading outside the project.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.py"), "x = 1\n").unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.py"), d.join("link.py")).unwrap();
    let e = project(d, "").units().unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::project::path_escapes");
    std::fs::remove_file(d.join("link.py")).unwrap();
    // A symlinked directory leading outside: its files are refused too (the walk resolves only the paths it
    // reached through a link).
    std::os::unix::fs::symlink(outside.path(), d.join("linked")).unwrap();
    let e = project(d, "").units().unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::project::path_escapes");
    assert!(e.to_string().contains("secret.py"), "{e}");
    std::fs::remove_file(d.join("linked")).unwrap();
    // A symlinked directory inside the project is followed: its files build like any other.
    std::fs::create_dir(d.join("real")).unwrap();
    std::fs::write(d.join("real/inner.py"), "y = 2\n").unwrap();
    std::os::unix::fs::symlink(d.join("real"), d.join("alias")).unwrap();
    let rels: Vec<String> = project(d, "").units().unwrap().into_iter().map(|u| u.rel).collect();
    assert_eq!(rels, ["alias/inner.py", "foo/__init__.py", "real/inner.py"]);
    std::fs::remove_file(d.join("alias")).unwrap();
    std::fs::remove_dir_all(d.join("real")).unwrap();

    // An unreadable source (a dangling symlink).
    std::os::unix::fs::symlink(d.join("nowhere.py"), d.join("dangling.py")).unwrap();
    let e = project(d, "").units().unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::io");
    assert!(e.to_string().contains("dangling.py"), "{e}");
    std::fs::remove_file(d.join("dangling.py")).unwrap();

    // A configured manifest that does not exist.
    let e = project(d, "manifest = \"nope/manifest.py\"\n").units().unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::project::missing");

    // An entry path escaping the root.
    let e = project(d, "entries = [\"../main.py\"]\n").units().unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::project::path_escapes");

    // Native code without an arch.
    let e = project(d, "[compile]\nemit = \"native\"\n").units().unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::target::unsupported");
}

/// Our compiler against mpy-cross on every module of the example, with the flags the build gives each
/// one, at every optimisation level, for the board the example names (RPI_PICO: bytecode, and the viper
/// module as armv6m Thumb code) and for x64 (the viper module as x64 code, what the VM runs). Every `.mpy`
/// must be byte-identical: no exemptions.
#[test]
fn builtin_compiler_matches_mpy_cross_on_the_example() {
    let tmp = tempfile::tempdir().unwrap();
    let app = common::copy_example(tmp.path());
    let board = Project::load(Some(&app)).unwrap();
    assert_eq!(board.target.arch, Some(mpy_vm::Arch::Armv6m));
    let mut x64 = board.clone();
    common::for_the_vm(&mut x64);
    let oracle = common::oracle();
    let units = board.units().unwrap();
    assert!(units.iter().any(|u| u.emit == mpy_vm::EmitOpt::Viper), "the example has a viper module");
    let mut same = 0;
    for p in [&board, &x64] {
        for opt in 0..=3u8 {
            for unit in units.iter().filter(|u| u.action == Action::Compile) {
                let mut u = unit.clone();
                u.opt = opt;
                let opts = p.compile_options(&u, "");
                let src = std::fs::read(&u.abs).unwrap();
                let want = oracle.compile(&src, &opts).unwrap_or_else(|f| panic!("mpy-cross refused {}: {}", u.rel, f.rendered));
                let what = format!("{} -O{opt} -march={}", u.rel, opts.arch.map_or("none", mpy_vm::Arch::name));
                let got = BuiltIn
                    .compile(&src, &opts)
                    .unwrap_or_else(|f| panic!("{what}: our compiler reports {} {} where mpy-cross compiles", f.kind, f.message));
                if got != want {
                    let dis = |b: &[u8]| mpy_vm::mpy::read(b).map(|m| mpy_vm::mpy::disasm::disassemble(&m)).unwrap_or_default();
                    panic!("{what}: our .mpy differs from mpy-cross\nours:\n{}\nmpy-cross:\n{}", dis(&got), dis(&want));
                }
                same += 1;
            }
        }
    }
    let compiled = units.iter().filter(|u| u.action == Action::Compile).count();
    assert_eq!(same, compiled * 4 * 2);
    println!("builtin vs mpy-cross on the example: {same} of {same} byte-identical (armv6m and x64, -O0..-O3)");
}

/// Outputs are replaced atomically: a reader racing the writer sees the old or the new bytes, never a
/// mixture or a truncated file; a failed write leaves the old file and no temporary; a failed build leaves
/// an earlier output tree exactly as it was.
#[test]
fn outputs_are_written_atomically() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;

    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("out/deep/x.mpy");
    let a: Arc<Vec<u8>> = Arc::new((0..3_000_000u32).map(|i| (i % 251) as u8).collect());
    let b: Arc<Vec<u8>> = Arc::new(vec![7u8; 2_000_000]);
    mpbuild::fsutil::write_atomic(&path, &a).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let reader = {
        let (path, a, b, stop, reads) = (path.clone(), a.clone(), b.clone(), stop.clone(), reads.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                let got = std::fs::read(&path).expect("the output always exists");
                assert!(got == *a || got == *b, "a reader saw a partial output ({} bytes)", got.len());
                reads.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    for i in 0..40 {
        mpbuild::fsutil::write_atomic(&path, if i % 2 == 0 { &b } else { &a }).unwrap();
    }
    stop.store(true, Ordering::SeqCst);
    reader.join().expect("the reader saw only whole files");
    assert!(reads.load(Ordering::SeqCst) > 0);
    let names = |dir: &Path| -> Vec<String> {
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
    };
    assert_eq!(names(path.parent().unwrap()), ["x.mpy"], "no temporary left behind");

    // A write that cannot complete (the target is a directory) fails clearly and leaves no temporary.
    let dir_target = tmp.path().join("out/deep/sub");
    std::fs::create_dir_all(dir_target.join("keep")).unwrap();
    let e = mpbuild::fsutil::write_atomic(&dir_target, b"new").unwrap_err();
    assert!(e.to_string().contains("sub"), "{e}");
    assert!(dir_target.join("keep").is_dir());
    let mut left = names(path.parent().unwrap());
    left.sort();
    assert_eq!(left, ["sub", "x.mpy"]);

    // A build that fails after an earlier good one: the earlier tree is untouched, byte for byte.
    let p = example(tmp.path());
    let out = tmp.path().join("tree");
    build::build(&p, &common::compiler(), &Cache::disabled(), &out, &NoProgress).unwrap();
    // A first build writes the tree beside its place and renames it in: no temporary is left.
    assert!(names(tmp.path()).iter().all(|n| !n.starts_with(".mpbuild-tmp-")), "{:?}", names(tmp.path()));
    let snapshot = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        p.units().unwrap().iter().map(|u| (u.out.clone(), std::fs::read(dir.join(&u.out)).unwrap())).collect()
    };
    let before = snapshot(&out);
    let app = p.root.join("app.py");
    std::fs::write(&app, std::fs::read_to_string(&app).unwrap() + "\nNEW = 1\n").unwrap();
    std::fs::write(p.root.join("drivers/display.py"), "def broken(:\n").unwrap();
    let e = build::build(&p, &common::compiler(), &Cache::disabled(), &out, &NoProgress).unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::build::compile");
    assert_eq!(snapshot(&out), before, "a failed build changed the earlier output");
}
