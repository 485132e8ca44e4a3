//! Snapshot tests of what our compiler emits for small programs, printed with the `.mpy` disassembler.
//! Every snapshot is also byte-compared with mpy-cross by `mpy_cross_diff.rs` (the programs live in
//! `tests/programs/snapshots/`). Bless with `INSTA_UPDATE=always cargo test -p mpy-vm --test
//! compile_snapshots` after checking the diff.

use mpy_vm::mpy::disasm::disassemble;
use mpy_vm::{compile, CompileOptions};
use std::path::Path;

fn compile_program(name: &str, opt_level: u8) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/snapshots").join(name);
    let source = std::fs::read(&path).expect("read program");
    let opts = CompileOptions { source_name: name.to_string(), opt_level, ..CompileOptions::default() };
    let out = compile(&source, &opts);
    match (out.module, out.error) {
        (Some(m), None) => disassemble(&m),
        (_, Some(e)) => e.render(name),
        (None, None) => "no module and no error".to_string(),
    }
}

macro_rules! snap {
    ($test:ident, $file:literal, $opt:literal) => {
        #[test]
        fn $test() {
            insta::assert_snapshot!(compile_program($file, $opt));
        }
    };
}

snap!(closure_and_class, "closure_and_class.py", 0);
snap!(loops_and_jumps, "loops_and_jumps.py", 0);
snap!(try_with, "try_with.py", 0);
snap!(comprehensions, "comprehensions.py", 0);
snap!(assert_dropped_o1, "comprehensions.py", 1);
snap!(error_in_method, "error_in_method.py", 0);
