//! `mpls`: the MicroPython performance language server (issue 5; not built yet beyond `--version`).

fn main() {
    if std::env::args().any(|a| a == "--version") {
        println!("mpls {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    eprintln!("mpls: the language server is not implemented yet");
    std::process::exit(2);
}
