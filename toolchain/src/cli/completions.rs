//! `mpbuild completions SHELL`: shell completion scripts (bash, zsh, fish, elvish, powershell).

use clap::CommandFactory;

use super::{Cli, Global, Out};

#[derive(Debug, clap::Args)]
pub struct Cmd {
    pub shell: clap_complete::Shell,
}

impl Cmd {
    pub fn run(self, _g: &Global, _out: &Out) -> anyhow::Result<()> {
        // Generated in memory: clap_complete panics when its writer fails (a closed pipe).
        let mut script = Vec::new();
        clap_complete::generate(self.shell, &mut Cli::command(), "mpbuild", &mut script);
        super::output::stdout_write(&script);
        Ok(())
    }
}
