//! `mpy-dis FILE.mpy`: reads a `.mpy` file with `mpy_vm::mpy::read` and prints it, or the reader's error
//! (exit 1). The bad-input test runs it on truncated and garbage files as a subprocess.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("usage: mpy-dis FILE.mpy");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("mpy-dis: {path}: {e}");
            std::process::exit(1);
        }
    };
    match mpy_vm::mpy::read(&bytes) {
        Ok(module) => print!("{}", mpy_tests::diff::disassemble_module(&module)),
        Err(e) => {
            eprintln!("mpy-dis: {path}: {e}");
            std::process::exit(1);
        }
    }
}
