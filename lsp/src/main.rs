//! The `mpls` binary: `mpls` or `mpls --stdio` serves the protocol on stdin/stdout; `mpls --version`.
#![deny(clippy::print_stdout)]

use std::io::Write;

/// mimalloc (v2) instead of the system allocator: an edit frees and allocates a few hundred kilobytes (the
/// old text, diagnostics, the published JSON), which glibc trims and faults back in, one edit in three.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    for a in &args {
        match a.as_str() {
            "--version" | "-V" => {
                let _ = writeln!(std::io::stdout(), "mpls {}", env!("CARGO_PKG_VERSION"));
                return;
            }
            "--help" | "-h" => {
                let _ = writeln!(
                    std::io::stdout(),
                    "mpls {}: the MicroPython performance language server\n\nUsage: mpls [--stdio]\n\n\
                     Speaks the Language Server Protocol on stdin/stdout. Logs go to stderr.",
                    env!("CARGO_PKG_VERSION")
                );
                return;
            }
            "--stdio" => {}
            other => {
                eprintln!("mpls: unknown argument `{other}` (try --help)");
                std::process::exit(2);
            }
        }
    }
    // One thread serves the protocol and the incremental analyses; first parses and emitter checks run
    // on the blocking pool, the whole-file compile on its own lower-priority thread (`compile_thread`).
    // One thread means no hand-over between threads on the path from a keystroke to its diagnostics.
    // Blocking-pool threads end after a second idle (tokio's default is 10 s), which gives the memory of
    // their parses back (the allocator keeps an idle thread's free pages).
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .max_blocking_threads(2)
        .thread_keep_alive(std::time::Duration::from_secs(1))
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("mpls: cannot start the runtime: {e}");
            std::process::exit(1);
        }
    };
    runtime.block_on(mpls::serve_stdio());
}
