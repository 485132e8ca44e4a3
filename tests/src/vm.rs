//! Running programs on the real MicroPython VM: importing a module from a `.py` or `.mpy` in a directory.

use std::path::Path;
use std::time::Duration;

use crate::oracles::oracles;
use crate::process::{run, Outcome};

/// How long one program may run on the VM.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(30);

/// What a run of a program shows to the outside: everything the comparison looks at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Behaviour {
    pub stdout: String,
    pub stderr: String,
    pub status: String,
}

impl Behaviour {
    pub fn from_outcome(o: &Outcome) -> Self {
        Behaviour { stdout: o.stdout_str(), stderr: o.stderr_str(), status: o.status_text() }
    }

    /// One text holding all of it, for diffs.
    pub fn render(&self) -> String {
        format!("{}--- stderr ---\n{}--- {} ---\n", self.stdout, self.stderr, self.status)
    }
}

/// Runs `import <module>` on the VM with `dir` as the current directory (the VM searches it first), so the
/// module comes from `dir/<module>.py` or `dir/<module>.mpy`, whichever is there.
pub fn import_in(dir: &Path, module: &str) -> std::io::Result<Outcome> {
    let mut cmd = oracles().vm.command(["-c".to_string(), format!("import {module}")]);
    cmd.current_dir(dir);
    // Nothing from the user's home or the environment may shadow the module under test.
    cmd.env("HOME", dir).env("MICROPYPATH", "");
    run(cmd, RUN_TIMEOUT)
}
