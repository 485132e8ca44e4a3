//! The `mpbuild` command: a thin clap layer over the `mpbuild` library (see `cli/`).

fn main() -> std::process::ExitCode {
    mpbuild::cli::main()
}
