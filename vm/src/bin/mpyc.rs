//! `mpyc`: a drop-in for mpy-cross 1.29 (same command line, output bytes, messages and exit codes), built on
//! `mpy_vm`. This binary is the only part of the compiler that touches files.

#[path = "mpyc/args.rs"]
mod args;
#[path = "mpyc/output.rs"]
mod output;

use args::{Input, Parsed};
use mpy_vm::{mpy, CompileOptions};

const USAGE: &str = "\
Options:
--version : show version information
-o : output file for compiled bytecode (defaults to input filename with .mpy extension, or stdout if input is stdin)
-s : source filename to embed in the compiled bytecode (defaults to input file)
-v : verbose (accepted for compatibility; mpyc prints nothing more)
-O[N] : apply bytecode optimizations of level N

Target specific options:
-msmall-int-bits=number : set the maximum bits used to encode a small-int
-march=<arch> : set architecture for native emitter;
                x86, x64, armv6, armv6m, armv7m, armv7em, armv7emsp,
                armv7emdp, xtensa, xtensawin, rv32imc, rv64imc, host, debug
-march-flags=<flags> : set architecture-specific flags (can be either a dec/hex/bin value or a comma-separated flags string)
                       supported flags for rv32imc: zba, zcmp

Implementation specific options:
  emit={bytecode,native,viper} -- set the default code emitter
  heapsize=<n> -- accepted for compatibility (mpyc has no GC heap)
  source-lines    -- include source line numbers (default)
  no-source-lines -- exclude source line numbers
";

fn version() -> String {
    format!(
        "mpyc {}, compatible with MicroPython v1.29.0; mpy-cross emitting mpy v{}.{}\n",
        env!("CARGO_PKG_VERSION"),
        mpy::MPY_VERSION,
        mpy::MPY_SUB_VERSION
    )
}

fn main() {
    let argv: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let code = match args::parse(&argv) {
        Parsed::Version => {
            print!("{}", version());
            0
        }
        Parsed::Usage => {
            let prog = argv.first().map_or("mpyc", String::as_str);
            print!("usage: {prog} [<opts>] [-X <implopt>] [--] <input filename>\n{USAGE}");
            1
        }
        Parsed::Fail(msg) => {
            eprintln!("{msg}");
            1
        }
        Parsed::Run(a) => match run(&a) {
            Ok(()) => 0,
            Err(msg) => {
                // Names in the message may hold bytes that are not UTF-8 (see `mpy::text`).
                use std::io::Write;
                let _ = std::io::stderr().write_all(&mpy::text::to_bytes(&msg));
                1
            }
        },
    };
    std::process::exit(code);
}

/// Compiles and writes; `Err` carries the complete stderr text (with its newline).
fn run(a: &args::Args) -> Result<(), String> {
    let line = |s: String| s + "\n";
    // The name the lexer knows the file by (parse errors), and the name recorded in the .mpy (compile errors).
    let (lexer_name, source) = match &a.input {
        Input::Stdin => ("<stdin>".to_string(), output::read_stdin().map_err(line)?),
        Input::Path(p) => (p.clone(), output::read_source(p).map_err(line)?),
    };
    let source_name = a.source.clone().unwrap_or_else(|| lexer_name.clone());
    let opts = CompileOptions {
        source_name: source_name.clone(),
        opt_level: a.opt_level,
        no_source_lines: a.no_source_lines,
        small_int_bits: a.small_int_bits,
        arch: a.arch,
        arch_flags: a.arch_flags,
        emit: a.emit,
        input_name: Some(lexer_name.clone()),
    };
    let compiled = mpy_vm::compile(&source, &opts);
    // `-march=debug` prints its trace on stdout while compiling, before any error.
    if !compiled.native_trace.is_empty() {
        output::write_stdout(compiled.native_trace.as_bytes()).map_err(line)?;
    }
    let result = match (compiled.module, compiled.error) {
        (_, Some(e)) => Err(e),
        (Some(m), None) => Ok(mpy_vm::mpy::write(&m)),
        (None, None) => Err(mpy_vm::CompileError::internal("compiler produced neither a module nor an error")),
    };
    let bytes = match result {
        Ok(b) => b,
        Err(e) => {
            // Parse errors name the file as opened; errors inside a scope use the recorded source name.
            let name = if e.scope.is_some() { &source_name } else { &lexer_name };
            return Err(e.render(name));
        }
    };
    let out = match (&a.output, &a.input) {
        (Some(o), _) if o == "-" => None,
        (Some(o), _) => Some(o.clone()),
        (None, Input::Stdin) => None,
        (None, Input::Path(p)) => Some(args::default_output(p)),
    };
    match out {
        None => output::write_stdout(&bytes).map_err(line),
        Some(path) => output::write_output(&path, &bytes).map_err(line),
    }
}
