//! RV32 with one extension at a time (`-march-flags=zba`, `-march-flags=zcmp`, and the numeric forms):
//! the corpus runs with none and with both (`vm/tests/native_corpus.rs`), this checks the two mixed
//! settings on the native corpus programs where the extensions change the code — pointer indexing
//! (Zba's `sh1add`/`sh2add`), frames and exits (Zcmp's `cm.push`/`cm.popret`) — byte for byte against
//! mpy-cross 1.29, including the arch-flags word of the `.mpy` header.

mod common;

use std::path::Path;

use mpy_vm::{Arch, CompileOptions};

/// Corpus programs whose code depends on Zba or Zcmp.
const PROGRAMS: &[&str] = &[
    "mcu_frame_01.py",
    "mcu_ptr_01.py",
    "mcu_try_01.py",
    "native_gen_01.py",
    "native_try_01.py",
    "viper_ptr16_var_01.py",
    "viper_ptr32_var_01.py",
    "viper_ptr8_var_01.py",
];

/// `(mpy-cross flag, arch_flags)`.
const FLAGS: &[(&str, u32)] = &[("-march-flags=zba", 1), ("-march-flags=zcmp", 2), ("-march-flags=0b10", 2)];

#[test]
fn rv32imc_with_one_extension_matches_mpy_cross() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus/native");
    let mut problems = Vec::new();
    let mut checked = 0;
    for name in PROGRAMS {
        let source = std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        for &(flag, bits) in FLAGS {
            let expected = common::compile_with_mpy_cross(&source, name, &["-march=rv32imc", flag]);
            let opts = CompileOptions {
                source_name: name.to_string(),
                arch: Some(Arch::Rv32imc),
                arch_flags: bits,
                ..CompileOptions::default()
            };
            match mpy_vm::compile_to_mpy(source.as_bytes(), &opts) {
                Ok(ours) if ours == expected => checked += 1,
                Ok(ours) => problems.push(format!("{name} {flag}: {} bytes, mpy-cross {}", ours.len(), expected.len())),
                Err(e) => problems.push(format!("{name} {flag}: {}", e.render(name))),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(checked, PROGRAMS.len() * FLAGS.len());
}
