//! Fuzz target: the `.mpy` reader and disassembler on arbitrary bytes. Reading gives a module or an error,
//! never a panic; a module that reads must disassemble, and write back to bytes that read again to the
//! same module.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = mpy_vm::mpy::reader::read_header(data);
    if let Ok(m) = mpy_vm::mpy::read(data) {
        let _ = mpy_vm::mpy::disasm::disassemble(&m);
        let _ = mpy_vm::mpy::disasm::opcodes_used(&m);
        let again = mpy_vm::mpy::write(&m);
        let m2 = mpy_vm::mpy::read(&again).unwrap_or_else(|e| panic!("a module we wrote does not read back: {e}"));
        assert_eq!(m, m2, "write then read changed the module");
    }
});
