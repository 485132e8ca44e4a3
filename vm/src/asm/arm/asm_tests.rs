//! ARM assembler tests above the encoder: frames, offsets past the immediate forms, indexed accesses,
//! and errors instead of C asserts. Expected words are from mpy-cross 1.29 `-march=armv6` output
//! (viper functions indexing pointers with constants and variables).

use super::inst::LdSt;
use super::regs::Reg;
use super::AsmArm;
use crate::asm::{Asm, Pass};

/// Runs `program` through a compute pass and an emit pass and returns the code as words.
fn words(program: impl Fn(&mut AsmArm)) -> Vec<u32> {
    let mut a = AsmArm::new(1);
    a.start_pass(Pass::Compute);
    program(&mut a);
    a.start_pass(Pass::Emit);
    program(&mut a);
    assert_eq!(a.base().error(), None);
    a.base()
        .code()
        .chunks(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

#[test]
fn frames() {
    // `<module>` of the replay fixture: 27 locals, 112 bytes with the alignment word.
    assert_eq!(words(|a| a.entry(27, "m")), [0xe92d41fe, 0xe24dd070]);
    assert_eq!(
        words(|a| {
            a.entry(5, "f");
            a.exit();
        }),
        [0xe92d41fe, 0xe24dd018, 0xe28dd018, 0xe8bd81fe]
    );
    // Past 255 bytes the adjustment goes through r8 (here as a literal: 400 is no `mov` immediate).
    assert_eq!(
        words(|a| a.entry(100, "f")),
        [0xe92d41fe, 0xe59f8000, 0xea000000, 400, 0xe04dd008]
    );
}

#[test]
fn offsets_past_the_immediate_forms() {
    // `x = p32[2000]`: 8000 bytes as a literal in r8, then `ldr r0, [r0, r8]`.
    assert_eq!(
        words(|a| a.load32_reg_reg_offset(Reg::R0, Reg::R0, 2000)),
        [0xe59f8000, 0xea000000, 0x00001f40, 0xe7900008]
    );
    assert_eq!(
        words(|a| a.store32_reg_reg_offset(Reg::R2, Reg::R0, 101)),
        [0xe5802194]
    );
    assert_eq!(
        words(|a| a.load16_reg_reg_offset(Reg::R0, Reg::R5, 40)),
        [0xe1d505b0]
    );
}

#[test]
fn indexed_accesses() {
    assert_eq!(
        words(|a| a.ldst_reg_reg_reg(false, 1, Reg::R2, Reg::R0, Reg::R5)),
        [0xe1a08085, 0xe18020b8]
    );
    assert_eq!(
        words(|a| a.ldst_reg_reg_reg(false, 0, Reg::R2, Reg::R0, Reg::R5)),
        [0xe7c02005]
    );
    assert_eq!(
        words(|a| a.ldst_reg_reg_reg(false, 2, Reg::R2, Reg::R0, Reg::R5)),
        [0xe7802105]
    );
    assert_eq!(
        words(|a| a.ldst_offset(LdSt::Ldrb, Reg::R0, Reg::R4, 40)),
        [0xe5d40028]
    );
}

#[test]
fn c_asserts_become_errors() {
    let mut a = AsmArm::new(1);
    a.start_pass(Pass::Compute);
    a.mul_reg_reg(Reg::R1, Reg::R1);
    assert!(a.base().error().is_some());
}

/// mpy-cross 1.29 ORs `local << 2` into `ldr/str rt, [sp, #imm12]` unchecked: local 1024 (offset 4096)
/// spills into the `rt` field (seen in mpy-cross's output for a function with 1100 locals, corpus
/// program `mcu_locals_02.py`: `str r0, [sp, #4096]` is written as `str r1, [sp]`).
#[test]
fn sp_offsets_overflow_like_mpy_cross() {
    assert_eq!(
        words(|a| Asm::mov_local_reg(a, 1023, Reg::R0)),
        [0xe58d0ffc]
    );
    assert_eq!(
        words(|a| Asm::mov_local_reg(a, 1024, Reg::R0)),
        [0xe58d1000]
    );
    assert_eq!(
        words(|a| Asm::mov_reg_local(a, Reg::R0, 1103)),
        [0xe59d113c]
    );
    assert_eq!(
        words(|a| Asm::mov_local_reg(a, 5000, Reg::R2)),
        [0xe58d2000 | 20000]
    );
}
