//! RV32 assembler tests above the encoder: frames with and without Zcmp (and the saved-register set
//! that grows across passes and functions), calls through the function table, immediates, indexed
//! accesses with and without Zba. Expected bytes are from mpy-cross 1.29 `-march=rv32imc` output (with
//! `-march-flags=zba,zcmp` where named) of viper functions.

use super::regs::Reg;
use super::{AsmRv32, AsmRv32imc, AsmRv32imcZbaZcmp};
use crate::asm::{Asm, FunKind, Pass};

/// Runs `program` through two compute passes and the emit pass and returns the code.
fn code<const ZBA: bool, const ZCMP: bool>(
    a: &mut AsmRv32<ZBA, ZCMP>,
    program: impl Fn(&mut AsmRv32<ZBA, ZCMP>),
) -> Vec<u8> {
    for pass in [Pass::Compute, Pass::Compute, Pass::Emit] {
        a.start_pass(pass);
        program(a);
        a.end_pass();
    }
    assert_eq!(a.base().error(), None);
    a.base().code().to_vec()
}

/// Halfwords and words as objdump lists them, little endian.
fn le(items: &[u32]) -> Vec<u8> {
    items
        .iter()
        .flat_map(|&w| {
            if w > 0xffff {
                w.to_le_bytes().to_vec()
            } else {
                (w as u16).to_le_bytes().to_vec()
            }
        })
        .collect()
}

/// A viper function's frame: two locals, one call through the table.
fn frame_with_call<const ZBA: bool, const ZCMP: bool>(a: &mut AsmRv32<ZBA, ZCMP>) {
    a.entry(2, "f");
    a.call_ind(FunKind::ConvertObjToNative);
    a.exit();
}

#[test]
fn frame_grows_with_the_registers_calls_need() {
    let mut a = AsmRv32imc::new(0);
    let c = code(&mut a, frame_with_call);
    assert_eq!(
        c,
        le(&[
            0x1101,
            0xc006,
            0xc222,
            0xc426,
            0xc64a,
            0xc84e,
            0xca52, // c.addi sp,-32; saves ra s0-s4
            0x44c0,
            0x9402, // c.lw s0,12(s1); c.jalr s0
            0x4082,
            0x4412,
            0x44a2,
            0x4932,
            0x49c2,
            0x4a52,
            0x0201_0113,
            0x8082,
        ])
    );
    // With Zcmp: one `cm.push {ra, s0-s4}, -32`, the locals in its padding, `cm.popret`.
    let mut a = AsmRv32imcZbaZcmp::new(0);
    let c = code(&mut a, frame_with_call);
    assert_eq!(c, le(&[0xb892, 0x44c0, 0x9402, 0xbe92]));
}

#[test]
fn saved_registers_outlive_the_function() {
    // A function without calls still saves ra and s0 after one that had them (mpy-cross keeps one
    // asm_rv32_t per file).
    let mut first = AsmRv32imc::new(0);
    code(&mut first, frame_with_call);
    let mut second = AsmRv32imc::new(0);
    second.inherit_saved_registers(first.saved_registers_mask());
    let c = code(&mut second, |a| a.entry(2, "g"));
    assert_eq!(
        c,
        le(&[0x1101, 0xc006, 0xc222, 0xc426, 0xc64a, 0xc84e, 0xca52])
    );
    let mut alone = AsmRv32imc::new(0);
    let c = code(&mut alone, |a| a.entry(2, "g"));
    assert_eq!(c, le(&[0x1121, 0xc026, 0xc24a, 0xc44e, 0xc652]));
}

#[test]
fn calls_and_immediates() {
    let mut a = AsmRv32imc::new(0);
    let c = code(&mut a, |a| {
        a.call_ind(FunKind::ArgCheckNumSig);
        a.mov_reg_imm(Reg::A2, 0x40004);
        a.mov_reg_imm(Reg::A2, 2);
    });
    // lw a6,176(s1); c.jalr a6; lui a2,0x40; c.addi a2,4; c.li a2,2
    assert_eq!(c, le(&[0x0b04_a803, 0x9802, 0x0004_0637, 0x0611, 0x4609]));
}

#[test]
fn indexed_loads_with_and_without_zba() {
    let mut a = AsmRv32imc::new(0);
    let plain = code(&mut a, |a| {
        a.ldst_reg_reg_reg(true, 1, Reg::A0, Reg::A0, Reg::S2)
    });
    // slli a6, s2, 1; c.add a6, a0; lhu a0, 0(a6)
    assert_eq!(plain, le(&[0x0019_1813, 0x982a, 0x0008_5503]));
    let mut a = AsmRv32imcZbaZcmp::new(0);
    let zba = code(&mut a, |a| {
        a.ldst_reg_reg_reg(true, 1, Reg::A0, Reg::A0, Reg::S2)
    });
    // sh1add a6, s2, a0; lhu a0, 0(a6)
    assert_eq!(zba, le(&[0x20a9_2833, 0x0008_5503]));
}

/// Viper pointer offsets are scaled in the C `int32_t`: they wrap at 32 bits (mpy-cross 1.29
/// `-march=rv32imc` output for corpus program `mcu_ptr_03.py`: `w[0x3fffffff] = x` is
/// `sw a2,-4(a4)`, `w[-0x40000000] = x` is `c.sw a2,0(a4)`, `p[-0x40000000] = x` goes through a6).
#[test]
fn pointer_offsets_wrap_like_mpy_cross() {
    let mut a = AsmRv32imc::new(0);
    let c = code(&mut a, |a| {
        a.store_reg_reg_offset_sized(Reg::A2, Reg::A4, 0x3fff_ffff, 2)
    });
    assert_eq!(c, le(&[0xfec7_2e23]));
    let mut a = AsmRv32imc::new(0);
    let c = code(&mut a, |a| {
        a.store_reg_reg_offset_sized(Reg::A2, Reg::A4, -0x4000_0000, 2)
    });
    assert_eq!(c, le(&[0xc310]));
    let mut a = AsmRv32imc::new(0);
    let c = code(&mut a, |a| {
        a.store_reg_reg_offset_sized(Reg::A2, Reg::A4, -0x4000_0000, 0)
    });
    assert_eq!(c, le(&[0xc000_0837, 0x983a, 0x00c8_0023]));
}
