//! Fuzz target: the compiler on arbitrary source bytes. The first byte picks the options (`-O` level,
//! `-march`, `-X emit`); the rest is the source. Compiling must give bytes or an error, never panic; bytes
//! must read back with `mpy::read` and disassemble; `check_emitters` must not panic either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mpy_vm::{Arch, CompileOptions, EmitOpt};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, source)) = data.split_first() else { return };
    let opts = CompileOptions {
        opt_level: sel & 3,
        arch: match (sel >> 2) & 3 {
            0 => None,
            1 => Some(Arch::X64),
            2 => Some(Arch::X86),
            _ => Some(Arch::Armv7m),
        },
        emit: match (sel >> 4) & 3 {
            1 if sel & 0x08 == 0 && sel & 0x04 != 0 => EmitOpt::Native,
            2 if sel & 0x08 == 0 && sel & 0x04 != 0 => EmitOpt::Viper,
            _ => EmitOpt::Bytecode,
        },
        ..CompileOptions::default()
    };
    if let Ok(bytes) = mpy_vm::compile_to_mpy(source, &opts) {
        let m = mpy_vm::mpy::read(&bytes).unwrap_or_else(|e| panic!("our own .mpy does not read back: {e}"));
        let _ = mpy_vm::mpy::disasm::disassemble(&m);
    }
    if sel & 0x40 != 0 {
        let _ = mpy_vm::check_emitters(source, &opts);
    }
});
