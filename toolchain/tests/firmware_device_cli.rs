//! `mpbuild firmware` (the build invocation it produces), the device-matched target against the real
//! MicroPython VM, and the CLI's habits (`--json` errors with codes, NO_COLOR, completions).

mod common;

use std::process::Command;

use mpbuild::firmware::{self, FirmwareOptions};
use mpbuild::Project;

#[test]
fn firmware_invocation_for_a_board() {
    let tmp = tempfile::tempdir().unwrap();
    let mpy = tmp.path().join("micropython");
    common::write_tree(&mpy, &[("ports/rp2/Makefile", "all:\n"), ("ports/rp2/boards/manifest.py", "")]);
    let app = tmp.path().join("sensor-app");
    common::copy_tree(&common::repo_root().join("examples/sensor-app"), &app);
    let p = Project::load(Some(&app)).unwrap();
    let opts = FirmwareOptions { micropython: mpy.clone(), mpyc: Some("/opt/bin/mpyc".into()), make_args: vec!["-j2".into()], ..Default::default() };
    let plan = firmware::plan(&p, &opts).unwrap();
    assert_eq!(plan.program, "make");
    assert_eq!(
        plan.args,
        [
            "-C".to_string(),
            mpy.join("ports/rp2").display().to_string(),
            "BOARD=RPI_PICO".to_string(),
            format!("FROZEN_MANIFEST={}", app.join("build/firmware/manifest.py").display()),
            "MICROPY_MPYCROSS=/opt/bin/mpyc".to_string(),
            "MICROPY_MPYCROSS_DEPENDENCY=/opt/bin/mpyc".to_string(),
            "-j2".to_string(),
        ]
    );
    assert_eq!(plan.env, [("MICROPY_MPYCROSS".to_string(), "/opt/bin/mpyc".to_string())]);
    let lines: Vec<&str> = plan.manifest.lines().skip(1).collect();
    assert_eq!(lines[0], "include(\"$(PORT_DIR)/boards/manifest.py\")");
    assert!(lines.contains(&firmware::manifest_line_for(&p.root, "app.py").as_str()));
    assert!(lines.contains(&firmware::manifest_line_for(&p.root, "lib/dsp/filter.py").as_str()));
    assert!(!plan.manifest.contains("main.py"), "entries stay on the filesystem");
    // The generated manifest is itself valid for our evaluator.
    firmware::write_manifest(&plan).unwrap();
    let vars = mpbuild::manifest::Vars { port_dir: Some(mpy.join("ports/rp2")), ..Default::default() };
    let l = mpbuild::manifest::evaluate(&plan.manifest_path, &vars, &app).unwrap();
    assert_eq!(l.files.len(), 6);
    // A checkout without the port is a clear error.
    let bad = FirmwareOptions { micropython: tmp.path().join("nope"), ..Default::default() };
    assert_eq!(firmware::plan(&p, &bad).unwrap_err().code_str(), "mpbuild::firmware::error");
}

#[test]
fn device_matched_target_from_the_real_vm() {
    let vm = common::micropython();
    let mut dev = mpbuild::device::open(&format!("exec:{}", vm.display())).unwrap();
    let info = mpbuild::device::query(dev.as_mut()).unwrap();
    assert_eq!((info.version, info.sub_version), (6, 3));
    assert_eq!(info.arch, Some(mpy_vm::Arch::X64));
    assert_eq!(info.platform, "linux");
    // A bytecode project takes the device's arch; an armv6m project is refused with what to do.
    let t = mpbuild::device::match_target(&mpbuild::target::Target::default(), &info).unwrap();
    assert_eq!(t.arch, Some(mpy_vm::Arch::X64));
    let pico = mpbuild::target::Target::resolve(&mpbuild::config::TargetConfig { board: Some("RPI_PICO".into()), ..Default::default() }).unwrap();
    let e = mpbuild::device::match_target(&pico, &info).unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::device::mismatch");
    assert!(e.help_str().unwrap().contains("arch = \"x64\""));
}

fn mpbuild() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mpbuild"))
}

#[test]
fn cli_build_with_device_json_and_errors() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tree(tmp.path(), &[("a.py", "@micropython.native\ndef f():\n    return 1\n"), ("main.py", "import a\nprint(a.f())\n")]);
    let out = mpbuild()
        .args(["--json", "build"])
        .arg(tmp.path())
        .arg("--device")
        .arg(format!("exec:{}", common::micropython().display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["build"]["compiled"], 1);
    // The device-matched .mpy runs on the device.
    let run = common::run_vm(&tmp.path().join("build/mpy"), "import a\nprint(a.f() + 41)\n", &[]);
    assert_eq!(run.trim(), "42");

    // Errors in JSON carry the stable code and help.
    let out = mpbuild().args(["--json", "boards", "NOPE"]).output().unwrap();
    assert!(!out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["error"]["code"], "mpbuild::target::unknown_board");
    assert!(v["error"]["help"].is_string());

    // NO_COLOR: no escape sequences in the error report.
    let out = mpbuild().args(["--color", "auto", "boards", "NOPE"]).env("NO_COLOR", "1").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mpbuild::target::unknown_board") && !err.contains('\u{1b}'), "{err}");

    let out = mpbuild().args(["completions", "zsh"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("#compdef mpbuild"));
}
