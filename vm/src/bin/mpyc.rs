//! `mpyc`: a drop-in for mpy-cross (same command line, output and exit codes), built on `mpy_vm`.

fn main() {
    eprintln!("mpyc: not implemented yet");
    std::process::exit(1);
}
