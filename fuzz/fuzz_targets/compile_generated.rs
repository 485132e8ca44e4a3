//! Fuzz target: the compiler on grammar-aware programs. The fuzzer's bytes drive the program generator of
//! the differential fuzzer (`mpy_tests::gen`) through `arbitrary`, so inputs are valid MicroPython that
//! gets past the parser into scopes, the emitters and the `.mpy` writer. Compiling must not panic nor fail
//! with an internal error; the output must read back and disassemble. (Whether it matches mpy-cross is the
//! differential fuzzer's job: `tests/src/bin/difffuzz.rs`.)
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use mpy_tests::gen::{self, Choose};
use mpy_vm::{Arch, CompileOptions, ErrorKind};

/// The fuzzer's bytes as the generator's choices.
struct Bytes<'a, 'b>(&'a mut Unstructured<'b>);

impl Choose for Bytes<'_, '_> {
    fn below(&mut self, n: u32) -> u32 {
        if n <= 1 {
            return 0;
        }
        self.0.int_in_range(0..=n - 1).unwrap_or(0)
    }
}

/// A generated program and its options, as an `Arbitrary` value (printed as source by the generator).
#[derive(Debug)]
struct Program {
    source: String,
    opt: u8,
    arch: Option<Arch>,
}

impl<'a> Arbitrary<'a> for Program {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let opt = u.int_in_range(0..=3)?;
        let arch = match u.int_in_range(0..=3)? {
            0 => Some(Arch::X64),
            1 => Some(Arch::X86),
            _ => None,
        };
        let cfg = gen::Config { native: arch.is_some(), ..gen::Config::default() };
        let source = gen::program(&mut Bytes(u), cfg);
        Ok(Program { source, opt, arch })
    }
}

fuzz_target!(|p: Program| {
    let opts = CompileOptions { opt_level: p.opt, arch: p.arch, ..CompileOptions::default() };
    match mpy_vm::compile_to_mpy(p.source.as_bytes(), &opts) {
        Ok(bytes) => {
            let m = mpy_vm::mpy::read(&bytes).unwrap_or_else(|e| panic!("our own .mpy does not read back: {e}"));
            let _ = mpy_vm::mpy::disasm::disassemble(&m);
        }
        Err(e) => {
            assert!(e.kind != ErrorKind::Internal, "internal compiler error on a generated program:\n{}\n{}", p.source, e.render("<stdin>"));
        }
    }
});
