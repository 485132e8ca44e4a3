//! The command-line interface: global flags, output mode (human or `--json`), colour, progress bars, and
//! dispatch to one file per verb. Only this module prints.

mod boards;
mod build;
mod completions;
mod firmware;
mod freeze;
mod image;
mod manifest;
mod output;
mod profile;
mod romfs;
// Board verbs (deploy, transfer, run, flash).
mod cat;
mod connect;
mod cp;
mod deploy;
mod exec;
mod flash;
mod info;
mod ls;
mod ports;
mod repl;
mod reset;
mod rm;
mod romfs_deploy;
mod run;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::cache::Cache;
use crate::compiler::{BuiltIn, Compiler, MpyCross};
use crate::project::Project;
pub use output::Out;

/// Build MicroPython projects: .mpy trees, ROMFS images and frozen modules, with mpbuild's own compiler
/// (byte-identical to mpy-cross 1.29).
///
/// Not the Python `mpbuild` (mattytrentini/mpbuild), which builds firmware in Docker; both can be installed
/// side by side.
#[derive(Debug, Parser)]
#[command(name = "mpbuild", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: Global,
}

/// Flags every verb accepts.
#[derive(Debug, clap::Args)]
pub struct Global {
    /// Print one JSON object on stdout instead of text (errors too).
    #[arg(long, global = true)]
    pub json: bool,
    /// Print nothing but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more (each file).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// When to use colour (`NO_COLOR` in the environment means never, unless `always`).
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Compile with this mpy-cross executable instead of mpbuild's own compiler.
    #[arg(long, global = true, value_name = "PATH")]
    pub mpy_cross: Option<PathBuf>,
    /// Do not read or write the content-hash cache.
    #[arg(long, global = true)]
    pub no_cache: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compile the project to a tree of .mpy files.
    Build(build::Cmd),
    /// Build a ROMFS image (mounted by vfs.VfsRom at /rom).
    Romfs(romfs::Cmd),
    /// Write frozen-module C source, as mpy-tool.py -f does for a port build.
    Freeze(freeze::Cmd),
    /// Rebuild MicroPython firmware with this project frozen in (runs the port's own make).
    Firmware(firmware::Cmd),
    /// List the files a manifest.py selects.
    Manifest(manifest::Cmd),
    /// List the known boards, or show one with the source of each fact.
    Boards(boards::Cmd),
    /// Build one flashable file: stock MicroPython firmware with the project baked in (or --inspect one).
    Image(image::Cmd),
    /// Print a shell completion script.
    Completions(completions::Cmd),
    /// Build the project for the board and mirror it there (raw REPL over a serial port).
    Deploy(deploy::Cmd),
    /// Run a local script on the board, streaming its output.
    Run(run::Cmd),
    /// Run a Python snippet on the board.
    Exec(exec::Cmd),
    /// A terminal on the board's REPL.
    Repl(repl::Cmd),
    /// List files on the board.
    Ls(ls::Cmd),
    /// Print a board file.
    Cat(cat::Cmd),
    /// Remove board files.
    Rm(rm::Cmd),
    /// Copy files between this machine and the board (board paths start with `:`).
    Cp(cp::Cmd),
    /// Show the board's version, .mpy ABI, memory and storage.
    Info(info::Cmd),
    /// Reset the board (hard, --soft, or --bootloader).
    Reset(reset::Cmd),
    /// List serial ports.
    Ports(ports::Cmd),
    /// Flash firmware: UF2 drive copy, espflash (ESP32 family) or probe-rs (debug probe).
    Flash(flash::Cmd),
    /// Run the program instrumented (on a board, or the local VM with --local) and show where the time goes.
    Profile(profile::Cmd),
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Out::new(&cli.global);
    let r = match cli.command {
        Command::Build(c) => c.run(&cli.global, &out),
        Command::Romfs(c) => c.run(&cli.global, &out),
        Command::Freeze(c) => c.run(&cli.global, &out),
        Command::Firmware(c) => c.run(&cli.global, &out),
        Command::Manifest(c) => c.run(&cli.global, &out),
        Command::Boards(c) => c.run(&cli.global, &out),
        Command::Image(c) => c.run(&cli.global, &out),
        Command::Completions(c) => c.run(&cli.global, &out),
        Command::Deploy(c) => c.run(&cli.global, &out),
        Command::Run(c) => c.run(&cli.global, &out),
        Command::Exec(c) => c.run(&cli.global, &out),
        Command::Repl(c) => c.run(&cli.global, &out),
        Command::Ls(c) => c.run(&cli.global, &out),
        Command::Cat(c) => c.run(&cli.global, &out),
        Command::Rm(c) => c.run(&cli.global, &out),
        Command::Cp(c) => c.run(&cli.global, &out),
        Command::Info(c) => c.run(&cli.global, &out),
        Command::Reset(c) => c.run(&cli.global, &out),
        Command::Ports(c) => c.run(&cli.global, &out),
        Command::Flash(c) => c.run(&cli.global, &out),
        Command::Profile(c) => c.run(&cli.global, &out),
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        // A program that ended with an exception has printed its traceback already.
        Err(e) if e.downcast_ref::<run::ProgramFailed>().is_some() => ExitCode::FAILURE,
        Err(e) => {
            // Deploy errors carry a code and help like the library's: render them the same way.
            let e = match e.downcast::<crate::deploy::DeployError>() {
                Ok(d) => anyhow::Error::from(crate::error::Error::Deploy(d)),
                Err(e) => e,
            };
            out.error(&e);
            ExitCode::FAILURE
        }
    }
}

/// The compiler selected by the global flags.
pub fn compiler(g: &Global) -> Box<dyn Compiler> {
    match &g.mpy_cross {
        Some(p) => Box::new(MpyCross { exe: p.clone() }),
        None => Box::new(BuiltIn),
    }
}

/// The cache selected by the global flags.
pub fn cache(g: &Global, project: &Project) -> Cache {
    if g.no_cache {
        Cache::disabled()
    } else {
        Cache::new(project.cache_dir())
    }
}
