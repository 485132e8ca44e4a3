//! Xtensa assembler tests above the encoder: the constant table across passes, the windowed-ABI
//! instructions (which the lx106 assembler of the table test cannot assemble), offsets past the
//! immediate forms, and long conditional branches. Expected bytes are from mpy-cross 1.29
//! `-march=xtensa` / `-march=xtensawin` output of viper functions.

use super::inst::Inst;
use super::regs::Reg;
use super::{AsmXtensa, AsmXtensaAbi, AsmXtensaWin};
use crate::asm::{Asm, Label, Pass};

/// Runs `program` through two compute passes and the emit pass, as the native emitter does.
fn code<V: super::Abi>(program: impl Fn(&mut AsmXtensaAbi<V>)) -> Vec<u8> {
    let mut a = AsmXtensaAbi::<V>::new(2);
    for pass in [Pass::Compute, Pass::Compute, Pass::Emit] {
        a.start_pass(pass);
        program(&mut a);
        a.end_pass();
    }
    assert_eq!(a.base().error(), None);
    a.base().code().to_vec()
}

#[test]
fn constant_table_precedes_the_code() {
    // A viper function's prologue: `j` over one constant (the argument-count signature), padding,
    // the table, `addi a1, a1, -32`, saves; the `l32r` at 0x15 reads the constant 5 words back.
    let c = code::<super::Call0>(|a| {
        a.entry(3, "f");
        a.mov_reg_imm(Reg::A4, 0x40004);
    });
    assert_eq!(
        c,
        [
            0x06, 0x01, 0x00, 0x00, 0x04, 0x00, 0x04, 0x00, 0x12, 0xc1, 0xe0, 0x09, 0x01, 0xc9,
            0x11, 0xd9, 0x21, 0xe9, 0x31, 0xf9, 0x41, 0x41, 0xfb, 0xff
        ]
    );
    // Without constants call0 has no table at all.
    let c = code::<super::Call0>(|a| a.entry(3, "f"));
    assert_eq!(c[..3], [0x12, 0xc1, 0xe0]);
}

#[test]
fn windowed_instructions() {
    assert_eq!(
        Inst::Entry {
            s: Reg::A1,
            imm: super::imms::U12::clamped(6)
        }
        .bytes()
        .as_slice(),
        [0x36, 0x61, 0x00]
    );
    assert_eq!(Inst::RetwN.bytes().as_slice(), [0x1d, 0xf0]);
    assert_eq!(Inst::Callx8(Reg::A8).bytes().as_slice(), [0xe0, 0x08, 0x00]);
    // `entry a1, 160` of the replay fixture's `<module>` (28 locals with the xtensawin nlr_buf).
    let c = code::<super::Windowed>(|a| {
        a.entry(28, "m");
        a.exit();
    });
    assert_eq!(c, [0x36, 0x41, 0x01, 0x09, 0x01, 0x08, 0x01, 0x1d, 0xf0]);
}

#[test]
fn store_past_the_offset_range_uses_a6() {
    // `p32[300] = x`: `movi a6, 1200; add.n a6, a12, a6; s32i.n a13, a6, 0` (both ABIs use a6).
    let c = code::<super::Call0>(|a| a.store32_reg_reg_offset(Reg::A13, Reg::A12, 300));
    assert_eq!(c, [0x62, 0xa4, 0xb0, 0x6a, 0x6c, 0xd9, 0x06]);
    let c = code::<super::Windowed>(|a| a.store32_reg_reg_offset(Reg::A5, Reg::A4, 300));
    assert_eq!(c, [0x62, 0xa4, 0xb0, 0x6a, 0x64, 0x59, 0x06]);
}

#[test]
fn forward_branches_skip_over_a_jump() {
    // `bnez` to a forward label: `beqz +2` over `j`.
    let c = code::<super::Call0>(|a| {
        a.jump_if_reg_nonzero(Reg::A3, Label(0), true);
        a.label_assign(Label(0));
    });
    assert_eq!(c, [0x16, 0x23, 0x00, 0xc6, 0xff, 0xff]);
    // Backward and close: one `bnez`.
    let c = code::<super::Call0>(|a| {
        a.label_assign(Label(0));
        a.jump_if_reg_nonzero(Reg::A3, Label(0), true);
    });
    assert_eq!(c, [0x56, 0xc3, 0xff]);
}

#[test]
fn pcrel_aligns_its_call0() {
    let mut a = AsmXtensaWin::new(1);
    for pass in [Pass::Compute, Pass::Emit] {
        a.start_pass(pass);
        a.mov_reg_pcrel(Reg::A10, Label(0));
        a.label_assign(Label(0));
    }
    // movi (3 bytes) then call0 at offset 3: off = 1, pad = 2.
    assert_eq!(a.base().code()[3..6], [0x45, 0x00, 0x00]);
    assert_eq!(a.base().code().len(), 3 + 3 + 2 + 2);
    let _ = AsmXtensa::new(0);
}
