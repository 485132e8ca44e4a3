//! The `mpbuild` command: a thin clap layer over the `mpbuild` library (see `cli/`).

/// mimalloc instead of the system allocator: the compiler allocates and frees many small objects on every
/// rayon thread, and glibc's malloc spent about a tenth of a cold build's time in allocation and consolidation
/// (library users keep their own allocator: this is the binary's choice).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    mpbuild::cli::main()
}
