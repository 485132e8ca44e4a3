//! The command-line interface: global flags, output mode (human or `--json`), colour, progress bars, and
//! dispatch to one file per verb. Only this module prints.

mod boards;
mod build;
mod completions;
mod firmware;
mod freeze;
mod manifest;
mod output;
mod romfs;

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
    /// Print a shell completion script.
    Completions(completions::Cmd),
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
        Command::Completions(c) => c.run(&cli.global, &out),
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
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
