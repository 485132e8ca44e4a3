//! `mpbuild exec CODE`: run a snippet on the board, like `mpremote exec` (output streamed to stdout).

use super::connect::ConnectArgs;
use super::{Global, Out};

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// Python code to run.
    pub code: String,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let mut t = self.connect.open(None)?;
        super::run::run_code(&mut t, self.code.as_bytes(), out)
    }
}
