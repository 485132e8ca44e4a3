//! The x86-64 instructions `py/asmx64.c` can emit, as values: each encodes itself exactly as the C
//! function of the same name does, and prints itself in AT&T syntax (the text GNU `as` reads back, which
//! is how the table tests check both).

use super::encode::{lea_rip, op_mem, op_plus_reg, op_reg_reg, op_rel32, op_rel8, rex};
use super::imms::{dot_rel, hex, mem_text, ArithImm, Disp};
use super::regs::{Cc, Low, R64};
use crate::asm::enc::Enc;
use std::fmt;

/// One instruction. Memory operands are `[base + disp]` with the displacement size chosen at encoding
/// time by MicroPython's rule ([`Disp::choose`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inst {
    /// `asm_x64_nop`: `90`.
    Nop,
    /// `asm_x64_push_r64`: `[41] 50+r`.
    PushR64(R64),
    /// `asm_x64_pop_r64`: `[41] 58+r`.
    PopR64(R64),
    /// `asm_x64_ret`: `c3`.
    Ret,
    /// `asm_x64_mov_r64_r64`: `REX.W 89 /r`.
    MovR64R64 { dest: R64, src: R64 },
    /// `asm_x64_mov_r8_to_mem8`: `[REX] 88 /r`, REX only if a register is r8..r15.
    MovR8ToMem8 { src: R64, base: R64, disp: i32 },
    /// `asm_x64_mov_r16_to_mem16`: `66 [REX] 89 /r`.
    MovR16ToMem16 { src: R64, base: R64, disp: i32 },
    /// `asm_x64_mov_r32_to_mem32`: `[REX] 89 /r`.
    MovR32ToMem32 { src: R64, base: R64, disp: i32 },
    /// `asm_x64_mov_r64_to_mem64`: `REX.W 89 /r`.
    MovR64ToMem64 { src: R64, base: R64, disp: i32 },
    /// `asm_x64_mov_mem8_to_r64zx`: `[REX] 0f b6 /r` (`movzbl`, zero-extends to 64 bits).
    MovMem8ToR64zx { base: R64, disp: i32, dest: R64 },
    /// `asm_x64_mov_mem16_to_r64zx`: `[REX] 0f b7 /r` (`movzwl`).
    MovMem16ToR64zx { base: R64, disp: i32, dest: R64 },
    /// `asm_x64_mov_mem32_to_r64zx`: `[REX] 8b /r` (a 32-bit load zero-extends).
    MovMem32ToR64zx { base: R64, disp: i32, dest: R64 },
    /// `asm_x64_mov_mem64_to_r64`: `REX.W 8b /r`.
    MovMem64ToR64 { base: R64, disp: i32, dest: R64 },
    /// `asm_x64_lea_disp_to_r64`: `REX.W 8d /r`.
    LeaDispToR64 { base: R64, disp: i32, dest: R64 },
    /// `asm_x64_mov_i32_to_r64`: `[41] b8+r imm32` (32-bit move, zero-extends).
    MovI32ToR64 { imm: u32, dest: R64 },
    /// `asm_x64_mov_i64_to_r64`: `REX.W b8+r imm64` (`movabs`).
    MovI64ToR64 { imm: i64, dest: R64 },
    /// `asm_x64_not_r64`: `REX.W f7 /2`.
    NotR64(R64),
    /// `asm_x64_neg_r64`: `REX.W f7 /3`.
    NegR64(R64),
    /// `asm_x64_and_r64_r64`: `REX.W 21 /r`.
    AndR64R64 { dest: R64, src: R64 },
    /// `asm_x64_or_r64_r64`: `REX.W 09 /r`.
    OrR64R64 { dest: R64, src: R64 },
    /// `asm_x64_xor_r64_r64`: `REX.W 31 /r`.
    XorR64R64 { dest: R64, src: R64 },
    /// `asm_x64_add_r64_r64`: `REX.W 01 /r`.
    AddR64R64 { dest: R64, src: R64 },
    /// `asm_x64_sub_r64_r64`: `REX.W 29 /r`.
    SubR64R64 { dest: R64, src: R64 },
    /// `asm_x64_mul_r64_r64`: `REX.W 0f af /r` (`imul src,dest`).
    MulR64R64 { dest: R64, src: R64 },
    /// `asm_x64_shl_r64_cl`: `REX.W d3 /4`.
    ShlR64Cl(R64),
    /// `asm_x64_shr_r64_cl`: `REX.W d3 /5`.
    ShrR64Cl(R64),
    /// `asm_x64_sar_r64_cl`: `REX.W d3 /7`.
    SarR64Cl(R64),
    /// `asm_x64_sub_r64_i32`: `REX.W 83 /5 ib` or `REX.W 81 /5 id` (no REX.B: C asserts `dest < 8`).
    SubR64I32 { dest: Low, imm: i32 },
    /// `asm_x64_cmp_r64_with_r64(a, b)`: `REX.W 39 /r`, flags of `b - a`.
    CmpR64WithR64 { a: R64, b: R64 },
    /// `asm_x64_test_r8_with_r8`: `84 /r`, never a REX prefix.
    TestR8WithR8 { a: Low, b: Low },
    /// `asm_x64_test_r64_with_r64`: `REX.W 85 /r`.
    TestR64WithR64 { a: R64, b: R64 },
    /// `asm_x64_setcc_r8`: `0f 90+cc /0`, never a REX prefix.
    SetccR8 { cc: Cc, dest: Low },
    /// `asm_x64_jmp_reg`: `ff /4`.
    JmpReg(Low),
    /// Backward short `jmp`: `eb rel8`.
    JmpRel8(i8),
    /// `jmp rel32`: `e9 rel32`.
    JmpRel32(i32),
    /// Backward short `jcc`: `70+cc rel8`.
    JccRel8 { cc: Cc, rel: i8 },
    /// `jcc rel32`: `0f 80+cc rel32`.
    JccRel32 { cc: Cc, rel: i32 },
    /// `asm_x64_mov_reg_pcrel`: `lea rel32(%rip),dest`.
    LeaRip { dest: R64, rel: i32 },
    /// The call half of `asm_x64_call_ind`: `ff /2`.
    CallReg(Low),
}

/// `REX_R_FROM_R64` / `REX_B_FROM_R64` style prefix with W set, for the reg/rm pair.
const fn rex_w(reg: R64, rm: R64) -> Option<u8> {
    Some(rex(true, reg.is_extended(), false, rm.is_extended()))
}

/// REX without W, written only if one of the registers needs it (the `src < 8 && dest < 8` tests).
const fn rex_if_needed(reg: R64, rm: R64) -> Option<u8> {
    if reg.is_extended() || rm.is_extended() {
        Some(rex(false, reg.is_extended(), false, rm.is_extended()))
    } else {
        None
    }
}

impl Inst {
    /// Encodes the instruction exactly as the corresponding `asm_x64_*` function writes it.
    pub fn encode(&self, e: &mut Enc) {
        match *self {
            Inst::Nop => e.byte(0x90),
            Inst::PushR64(r) => op_plus_reg(e, r.is_extended().then_some(0x41), 0x50, r),
            Inst::PopR64(r) => op_plus_reg(e, r.is_extended().then_some(0x41), 0x58, r),
            Inst::Ret => e.byte(0xc3),
            Inst::MovR64R64 { dest, src } => generic(e, dest, src.num(), src.is_extended(), 0x89),
            Inst::MovR8ToMem8 { src, base, disp } => op_mem(
                e,
                rex_if_needed(src, base).as_slice(),
                &[0x88],
                src.num(),
                base,
                d(base, disp),
            ),
            Inst::MovR16ToMem16 { src, base, disp } => {
                e.byte(0x66);
                op_mem(
                    e,
                    rex_if_needed(src, base).as_slice(),
                    &[0x89],
                    src.num(),
                    base,
                    d(base, disp),
                )
            }
            Inst::MovR32ToMem32 { src, base, disp } => op_mem(
                e,
                rex_if_needed(src, base).as_slice(),
                &[0x89],
                src.num(),
                base,
                d(base, disp),
            ),
            Inst::MovR64ToMem64 { src, base, disp } => op_mem(
                e,
                rex_w(src, base).as_slice(),
                &[0x89],
                src.num(),
                base,
                d(base, disp),
            ),
            Inst::MovMem8ToR64zx { base, disp, dest } => op_mem(
                e,
                rex_if_needed(dest, base).as_slice(),
                &[0x0f, 0xb6],
                dest.num(),
                base,
                d(base, disp),
            ),
            Inst::MovMem16ToR64zx { base, disp, dest } => op_mem(
                e,
                rex_if_needed(dest, base).as_slice(),
                &[0x0f, 0xb7],
                dest.num(),
                base,
                d(base, disp),
            ),
            Inst::MovMem32ToR64zx { base, disp, dest } => op_mem(
                e,
                rex_if_needed(dest, base).as_slice(),
                &[0x8b],
                dest.num(),
                base,
                d(base, disp),
            ),
            Inst::MovMem64ToR64 { base, disp, dest } => op_mem(
                e,
                rex_w(dest, base).as_slice(),
                &[0x8b],
                dest.num(),
                base,
                d(base, disp),
            ),
            Inst::LeaDispToR64 { base, disp, dest } => op_mem(
                e,
                rex_w(dest, base).as_slice(),
                &[0x8d],
                dest.num(),
                base,
                d(base, disp),
            ),
            Inst::MovI32ToR64 { imm, dest } => {
                op_plus_reg(e, dest.is_extended().then_some(0x41), 0xb8, dest);
                e.word32(imm);
            }
            Inst::MovI64ToR64 { imm, dest } => {
                op_plus_reg(
                    e,
                    Some(rex(true, false, false, dest.is_extended())),
                    0xb8,
                    dest,
                );
                e.word64(imm as u64);
            }
            Inst::NotR64(r) => generic(e, r, 2, false, 0xf7),
            Inst::NegR64(r) => generic(e, r, 3, false, 0xf7),
            Inst::AndR64R64 { dest, src } => generic(e, dest, src.num(), src.is_extended(), 0x21),
            Inst::OrR64R64 { dest, src } => generic(e, dest, src.num(), src.is_extended(), 0x09),
            Inst::XorR64R64 { dest, src } => generic(e, dest, src.num(), src.is_extended(), 0x31),
            Inst::AddR64R64 { dest, src } => generic(e, dest, src.num(), src.is_extended(), 0x01),
            Inst::SubR64R64 { dest, src } => generic(e, dest, src.num(), src.is_extended(), 0x29),
            Inst::MulR64R64 { dest, src } => {
                op_reg_reg(e, rex_w(dest, src), &[0x0f, 0xaf], dest.num(), src.num())
            }
            Inst::ShlR64Cl(r) => generic(e, r, 4, false, 0xd3),
            Inst::ShrR64Cl(r) => generic(e, r, 5, false, 0xd3),
            Inst::SarR64Cl(r) => generic(e, r, 7, false, 0xd3),
            Inst::SubR64I32 { dest, imm } => match ArithImm::choose(imm) {
                ArithImm::I8(i) => {
                    op_reg_reg(
                        e,
                        Some(rex(true, false, false, false)),
                        &[0x83],
                        5,
                        dest.num(),
                    );
                    e.byte(i as u8);
                }
                ArithImm::I32(i) => {
                    op_reg_reg(
                        e,
                        Some(rex(true, false, false, false)),
                        &[0x81],
                        5,
                        dest.num(),
                    );
                    e.word32(i as u32);
                }
            },
            Inst::CmpR64WithR64 { a, b } => generic(e, b, a.num(), a.is_extended(), 0x39),
            Inst::TestR8WithR8 { a, b } => op_reg_reg(e, None, &[0x84], a.num(), b.num()),
            Inst::TestR64WithR64 { a, b } => generic(e, b, a.num(), a.is_extended(), 0x85),
            Inst::SetccR8 { cc, dest } => {
                op_reg_reg(e, None, &[0x0f, 0x90 | cc.num()], 0, dest.num())
            }
            Inst::JmpReg(r) => op_reg_reg(e, None, &[0xff], 4, r.num()),
            Inst::JmpRel8(rel) => op_rel8(e, 0xeb, rel),
            Inst::JmpRel32(rel) => op_rel32(e, &[0xe9], rel),
            Inst::JccRel8 { cc, rel } => op_rel8(e, 0x70 | cc.num(), rel),
            Inst::JccRel32 { cc, rel } => op_rel32(e, &[0x0f, 0x80 | cc.num()], rel),
            Inst::LeaRip { dest, rel } => lea_rip(e, dest, rel),
            Inst::CallReg(r) => op_reg_reg(e, None, &[0xff], 2, r.num()),
        }
    }

    /// The encoded bytes.
    pub fn bytes(&self) -> Enc {
        let mut e = Enc::new();
        self.encode(&mut e);
        e
    }
}

/// `asm_x64_generic_r64_r64(dest, src, op)`: `REX.W|R(src)|B(dest) op ModRM(11, src, dest)`. `src` may be
/// an opcode extension (`/2`, `/4`, ...), which never sets REX.R.
fn generic(e: &mut Enc, dest: R64, src: u8, src_ext: bool, op: u8) {
    op_reg_reg(
        e,
        Some(rex(true, src_ext, false, dest.is_extended())),
        &[op],
        src,
        dest.num(),
    );
}

/// The displacement encoding for `base`.
const fn d(base: R64, disp: i32) -> Disp {
    Disp::choose(base.low3(), disp)
}

/// AT&T `disp(%base)` with MicroPython's displacement choice.
fn m(base: R64, disp: i32) -> String {
    mem_text(base.name64(), d(base, disp))
}

impl fmt::Display for Inst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Inst::Nop => write!(f, "nop"),
            Inst::PushR64(r) => write!(f, "push %{r}"),
            Inst::PopR64(r) => write!(f, "pop %{r}"),
            Inst::Ret => write!(f, "ret"),
            Inst::MovR64R64 { dest, src } => write!(f, "mov %{src},%{dest}"),
            Inst::MovR8ToMem8 { src, base, disp } => {
                let rex = src.is_extended() || base.is_extended();
                write!(f, "mov %{},{}", src.name8(rex), m(base, disp))
            }
            Inst::MovR16ToMem16 { src, base, disp } => {
                write!(f, "mov %{},{}", src.name16(), m(base, disp))
            }
            Inst::MovR32ToMem32 { src, base, disp } => {
                write!(f, "mov %{},{}", src.name32(), m(base, disp))
            }
            Inst::MovR64ToMem64 { src, base, disp } => write!(f, "mov %{src},{}", m(base, disp)),
            Inst::MovMem8ToR64zx { base, disp, dest } => {
                write!(f, "movzbl {},%{}", m(base, disp), dest.name32())
            }
            Inst::MovMem16ToR64zx { base, disp, dest } => {
                write!(f, "movzwl {},%{}", m(base, disp), dest.name32())
            }
            Inst::MovMem32ToR64zx { base, disp, dest } => {
                write!(f, "mov {},%{}", m(base, disp), dest.name32())
            }
            Inst::MovMem64ToR64 { base, disp, dest } => write!(f, "mov {},%{dest}", m(base, disp)),
            Inst::LeaDispToR64 { base, disp, dest } => write!(f, "lea {},%{dest}", m(base, disp)),
            Inst::MovI32ToR64 { imm, dest } => write!(f, "mov ${imm:#x},%{}", dest.name32()),
            Inst::MovI64ToR64 { imm, dest } => write!(f, "movabs ${:#x},%{dest}", imm as u64),
            Inst::NotR64(r) => write!(f, "not %{r}"),
            Inst::NegR64(r) => write!(f, "neg %{r}"),
            Inst::AndR64R64 { dest, src } => write!(f, "and %{src},%{dest}"),
            Inst::OrR64R64 { dest, src } => write!(f, "or %{src},%{dest}"),
            Inst::XorR64R64 { dest, src } => write!(f, "xor %{src},%{dest}"),
            Inst::AddR64R64 { dest, src } => write!(f, "add %{src},%{dest}"),
            Inst::SubR64R64 { dest, src } => write!(f, "sub %{src},%{dest}"),
            Inst::MulR64R64 { dest, src } => write!(f, "imul %{src},%{dest}"),
            Inst::ShlR64Cl(r) => write!(f, "shl %cl,%{r}"),
            Inst::ShrR64Cl(r) => write!(f, "shr %cl,%{r}"),
            Inst::SarR64Cl(r) => write!(f, "sar %cl,%{r}"),
            Inst::SubR64I32 { dest, imm } => write!(f, "sub ${},%{}", hex(imm as i64), dest.r64()),
            Inst::CmpR64WithR64 { a, b } => write!(f, "cmp %{a},%{b}"),
            Inst::TestR8WithR8 { a, b } => write!(
                f,
                "test %{},%{}",
                a.r64().name8(false),
                b.r64().name8(false)
            ),
            Inst::TestR64WithR64 { a, b } => write!(f, "test %{a},%{b}"),
            Inst::SetccR8 { cc, dest } => {
                write!(f, "set{} %{}", cc.suffix(), dest.r64().name8(false))
            }
            Inst::JmpReg(r) => write!(f, "jmp *%{}", r.r64()),
            Inst::JmpRel8(rel) => write!(f, "jmp {}", dot_rel(rel as i64 + 2)),
            Inst::JmpRel32(rel) => write!(f, "jmp {}", dot_rel(rel as i64 + 5)),
            Inst::JccRel8 { cc, rel } => write!(f, "j{} {}", cc.suffix(), dot_rel(rel as i64 + 2)),
            Inst::JccRel32 { cc, rel } => write!(f, "j{} {}", cc.suffix(), dot_rel(rel as i64 + 6)),
            Inst::LeaRip { dest, rel } => write!(f, "lea {}(%rip),%{dest}", hex(rel as i64)),
            Inst::CallReg(r) => write!(f, "call *%{}", r.r64()),
        }
    }
}
