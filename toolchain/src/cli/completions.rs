//! `mpbuild completions SHELL`: shell completion scripts (bash, zsh, fish, elvish, powershell).

use clap::CommandFactory;

use super::{Cli, Global, Out};

#[derive(Debug, clap::Args)]
pub struct Cmd {
    pub shell: clap_complete::Shell,
}

impl Cmd {
    pub fn run(self, _g: &Global, _out: &Out) -> anyhow::Result<()> {
        clap_complete::generate(self.shell, &mut Cli::command(), "mpbuild", &mut std::io::stdout());
        Ok(())
    }
}
