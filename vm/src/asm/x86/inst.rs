//! The i386 instructions `py/asmx86.c` can emit, as values that encode themselves like the C function of
//! the same name and print themselves in AT&T syntax.

use super::encode::{op_mem, op_plus_reg, op_reg_reg, op_rel32, op_rel8};
use super::imms::{dot_rel, hex, mem_text, ArithImm, Disp};
use super::regs::{Cc, R32};
use crate::asm::enc::Enc;
use std::fmt;

/// One instruction; memory operands are `[base + disp]`, sized by [`Disp::choose`] at encoding time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inst {
    /// `asm_x86_push_r32`: `50+r`.
    PushR32(R32),
    /// `asm_x86_pop_r32`: `58+r`.
    PopR32(R32),
    /// `asm_x86_ret`: `c3`.
    Ret,
    /// `asm_x86_mov_r32_r32`: `89 /r`.
    MovR32R32 { dest: R32, src: R32 },
    /// `asm_x86_mov_r8_to_mem8`: `88 /r` (registers 4..7 are `ah ch dh bh`).
    MovR8ToMem8 { src: R32, base: R32, disp: i32 },
    /// `asm_x86_mov_r16_to_mem16`: `66 89 /r`.
    MovR16ToMem16 { src: R32, base: R32, disp: i32 },
    /// `asm_x86_mov_r32_to_mem32`: `89 /r`.
    MovR32ToMem32 { src: R32, base: R32, disp: i32 },
    /// `asm_x86_mov_mem8_to_r32zx`: `0f b6 /r`.
    MovMem8ToR32zx { base: R32, disp: i32, dest: R32 },
    /// `asm_x86_mov_mem16_to_r32zx`: `0f b7 /r`.
    MovMem16ToR32zx { base: R32, disp: i32, dest: R32 },
    /// `asm_x86_mov_mem32_to_r32`: `8b /r`.
    MovMem32ToR32 { base: R32, disp: i32, dest: R32 },
    /// `asm_x86_lea_disp_to_r32`: `8d /r`.
    LeaDispToR32 { base: R32, disp: i32, dest: R32 },
    /// `asm_x86_mov_i32_to_r32`: `b8+r imm32`, whatever the value.
    MovI32ToR32 { imm: u32, dest: R32 },
    /// `asm_x86_not_r32`: `f7 /2`.
    NotR32(R32),
    /// `asm_x86_neg_r32`: `f7 /3`.
    NegR32(R32),
    /// `asm_x86_and_r32_r32`: `21 /r`.
    AndR32R32 { dest: R32, src: R32 },
    /// `asm_x86_or_r32_r32`: `09 /r`.
    OrR32R32 { dest: R32, src: R32 },
    /// `asm_x86_xor_r32_r32`: `31 /r`.
    XorR32R32 { dest: R32, src: R32 },
    /// `asm_x86_add_r32_r32`: `01 /r`.
    AddR32R32 { dest: R32, src: R32 },
    /// `asm_x86_sub_r32_r32`: `29 /r`.
    SubR32R32 { dest: R32, src: R32 },
    /// `asm_x86_mul_r32_r32`: `0f af /r` (`imul src,dest`).
    MulR32R32 { dest: R32, src: R32 },
    /// `asm_x86_shl_r32_cl`: `d3 /4`.
    ShlR32Cl(R32),
    /// `asm_x86_shr_r32_cl`: `d3 /5`.
    ShrR32Cl(R32),
    /// `asm_x86_sar_r32_cl`: `d3 /7`.
    SarR32Cl(R32),
    /// `asm_x86_add_i32_to_r32`: `83 /0 ib` or `81 /0 id`.
    AddI32ToR32 { imm: i32, dest: R32 },
    /// The `add` of `asm_x86_mov_reg_pcrel`: always `81 /0 id`.
    AddImm32ToR32 { imm: i32, dest: R32 },
    /// `asm_x86_sub_r32_i32`: `83 /5 ib` or `81 /5 id`.
    SubR32I32 { dest: R32, imm: i32 },
    /// `asm_x86_cmp_r32_with_r32(a, b)`: `39 /r`, flags of `b - a`.
    CmpR32WithR32 { a: R32, b: R32 },
    /// `asm_x86_test_r8_with_r8`: `84 /r`.
    TestR8WithR8 { a: R32, b: R32 },
    /// `asm_x86_test_r32_with_r32`: `85 /r`.
    TestR32WithR32 { a: R32, b: R32 },
    /// `asm_x86_setcc_r8`: `0f 90+cc /0`.
    SetccR8 { cc: Cc, dest: R32 },
    /// `asm_x86_jmp_reg`: `ff /4`.
    JmpReg(R32),
    /// Backward short `jmp`: `eb rel8`.
    JmpRel8(i8),
    /// `jmp rel32`: `e9 rel32`.
    JmpRel32(i32),
    /// Backward short `jcc`: `70+cc rel8`.
    JccRel8 { cc: Cc, rel: i8 },
    /// `jcc rel32`: `0f 80+cc rel32`.
    JccRel32 { cc: Cc, rel: i32 },
    /// The `call` of `asm_x86_mov_reg_pcrel` (`call .+5` pushes the address of the next instruction).
    CallRel32(i32),
    /// The call half of `asm_x86_call_ind`: `ff /2`.
    CallReg(R32),
}

/// The displacement encoding for `base`.
const fn d(base: R32, disp: i32) -> Disp {
    Disp::choose(base.num(), disp)
}

/// AT&T `disp(%base)`.
fn m(base: R32, disp: i32) -> String {
    mem_text(base.name32(), d(base, disp))
}

/// `asm_x86_generic_r32_r32(dest, src, op)`: `op ModRM(11, src, dest)`.
fn generic(e: &mut Enc, dest: R32, src: u8, op: u8) {
    op_reg_reg(e, &[op], src, dest.num());
}

/// `op ModRM(11, ext, dest) imm`, with `0x83 ib` or `0x81 id` as [`ArithImm::choose`] says.
fn arith_imm(e: &mut Enc, ext: u8, dest: R32, imm: i32) {
    match ArithImm::choose(imm) {
        ArithImm::I8(i) => {
            op_reg_reg(e, &[0x83], ext, dest.num());
            e.byte(i as u8);
        }
        ArithImm::I32(i) => {
            op_reg_reg(e, &[0x81], ext, dest.num());
            e.word32(i as u32);
        }
    }
}

impl Inst {
    /// Encodes the instruction exactly as the corresponding `asm_x86_*` function writes it.
    pub fn encode(&self, e: &mut Enc) {
        match *self {
            Inst::PushR32(r) => op_plus_reg(e, 0x50, r),
            Inst::PopR32(r) => op_plus_reg(e, 0x58, r),
            Inst::Ret => e.byte(0xc3),
            Inst::MovR32R32 { dest, src } => generic(e, dest, src.num(), 0x89),
            Inst::MovR8ToMem8 { src, base, disp } => {
                op_mem(e, &[], &[0x88], src.num(), base, d(base, disp))
            }
            Inst::MovR16ToMem16 { src, base, disp } => {
                op_mem(e, &[0x66], &[0x89], src.num(), base, d(base, disp))
            }
            Inst::MovR32ToMem32 { src, base, disp } => {
                op_mem(e, &[], &[0x89], src.num(), base, d(base, disp))
            }
            Inst::MovMem8ToR32zx { base, disp, dest } => {
                op_mem(e, &[], &[0x0f, 0xb6], dest.num(), base, d(base, disp))
            }
            Inst::MovMem16ToR32zx { base, disp, dest } => {
                op_mem(e, &[], &[0x0f, 0xb7], dest.num(), base, d(base, disp))
            }
            Inst::MovMem32ToR32 { base, disp, dest } => {
                op_mem(e, &[], &[0x8b], dest.num(), base, d(base, disp))
            }
            Inst::LeaDispToR32 { base, disp, dest } => {
                op_mem(e, &[], &[0x8d], dest.num(), base, d(base, disp))
            }
            Inst::MovI32ToR32 { imm, dest } => {
                op_plus_reg(e, 0xb8, dest);
                e.word32(imm);
            }
            Inst::NotR32(r) => generic(e, r, 2, 0xf7),
            Inst::NegR32(r) => generic(e, r, 3, 0xf7),
            Inst::AndR32R32 { dest, src } => generic(e, dest, src.num(), 0x21),
            Inst::OrR32R32 { dest, src } => generic(e, dest, src.num(), 0x09),
            Inst::XorR32R32 { dest, src } => generic(e, dest, src.num(), 0x31),
            Inst::AddR32R32 { dest, src } => generic(e, dest, src.num(), 0x01),
            Inst::SubR32R32 { dest, src } => generic(e, dest, src.num(), 0x29),
            Inst::MulR32R32 { dest, src } => op_reg_reg(e, &[0x0f, 0xaf], dest.num(), src.num()),
            Inst::ShlR32Cl(r) => generic(e, r, 4, 0xd3),
            Inst::ShrR32Cl(r) => generic(e, r, 5, 0xd3),
            Inst::SarR32Cl(r) => generic(e, r, 7, 0xd3),
            Inst::AddI32ToR32 { imm, dest } => arith_imm(e, 0, dest, imm),
            Inst::AddImm32ToR32 { imm, dest } => {
                op_reg_reg(e, &[0x81], 0, dest.num());
                e.word32(imm as u32);
            }
            Inst::SubR32I32 { dest, imm } => arith_imm(e, 5, dest, imm),
            Inst::CmpR32WithR32 { a, b } => generic(e, b, a.num(), 0x39),
            Inst::TestR8WithR8 { a, b } => op_reg_reg(e, &[0x84], a.num(), b.num()),
            Inst::TestR32WithR32 { a, b } => generic(e, b, a.num(), 0x85),
            Inst::SetccR8 { cc, dest } => op_reg_reg(e, &[0x0f, 0x90 | cc.num()], 0, dest.num()),
            Inst::JmpReg(r) => op_reg_reg(e, &[0xff], 4, r.num()),
            Inst::JmpRel8(rel) => op_rel8(e, 0xeb, rel),
            Inst::JmpRel32(rel) => op_rel32(e, &[0xe9], rel),
            Inst::JccRel8 { cc, rel } => op_rel8(e, 0x70 | cc.num(), rel),
            Inst::JccRel32 { cc, rel } => op_rel32(e, &[0x0f, 0x80 | cc.num()], rel),
            Inst::CallRel32(rel) => op_rel32(e, &[0xe8], rel),
            Inst::CallReg(r) => op_reg_reg(e, &[0xff], 2, r.num()),
        }
    }

    /// The encoded bytes.
    pub fn bytes(&self) -> Enc {
        let mut e = Enc::new();
        self.encode(&mut e);
        e
    }
}

impl fmt::Display for Inst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Inst::PushR32(r) => write!(f, "push %{r}"),
            Inst::PopR32(r) => write!(f, "pop %{r}"),
            Inst::Ret => write!(f, "ret"),
            Inst::MovR32R32 { dest, src } => write!(f, "mov %{src},%{dest}"),
            Inst::MovR8ToMem8 { src, base, disp } => {
                write!(f, "mov %{},{}", src.name8(), m(base, disp))
            }
            Inst::MovR16ToMem16 { src, base, disp } => {
                write!(f, "mov %{},{}", src.name16(), m(base, disp))
            }
            Inst::MovR32ToMem32 { src, base, disp } => write!(f, "mov %{src},{}", m(base, disp)),
            Inst::MovMem8ToR32zx { base, disp, dest } => {
                write!(f, "movzbl {},%{dest}", m(base, disp))
            }
            Inst::MovMem16ToR32zx { base, disp, dest } => {
                write!(f, "movzwl {},%{dest}", m(base, disp))
            }
            Inst::MovMem32ToR32 { base, disp, dest } => write!(f, "mov {},%{dest}", m(base, disp)),
            Inst::LeaDispToR32 { base, disp, dest } => write!(f, "lea {},%{dest}", m(base, disp)),
            Inst::MovI32ToR32 { imm, dest } => write!(f, "mov ${imm:#x},%{dest}"),
            Inst::NotR32(r) => write!(f, "not %{r}"),
            Inst::NegR32(r) => write!(f, "neg %{r}"),
            Inst::AndR32R32 { dest, src } => write!(f, "and %{src},%{dest}"),
            Inst::OrR32R32 { dest, src } => write!(f, "or %{src},%{dest}"),
            Inst::XorR32R32 { dest, src } => write!(f, "xor %{src},%{dest}"),
            Inst::AddR32R32 { dest, src } => write!(f, "add %{src},%{dest}"),
            Inst::SubR32R32 { dest, src } => write!(f, "sub %{src},%{dest}"),
            Inst::MulR32R32 { dest, src } => write!(f, "imul %{src},%{dest}"),
            Inst::ShlR32Cl(r) => write!(f, "shl %cl,%{r}"),
            Inst::ShrR32Cl(r) => write!(f, "shr %cl,%{r}"),
            Inst::SarR32Cl(r) => write!(f, "sar %cl,%{r}"),
            Inst::AddI32ToR32 { imm, dest } | Inst::AddImm32ToR32 { imm, dest } => {
                write!(f, "add ${},%{dest}", hex(imm as i64))
            }
            Inst::SubR32I32 { dest, imm } => write!(f, "sub ${},%{dest}", hex(imm as i64)),
            Inst::CmpR32WithR32 { a, b } => write!(f, "cmp %{a},%{b}"),
            Inst::TestR8WithR8 { a, b } => write!(f, "test %{},%{}", a.name8(), b.name8()),
            Inst::TestR32WithR32 { a, b } => write!(f, "test %{a},%{b}"),
            Inst::SetccR8 { cc, dest } => write!(f, "set{} %{}", cc.suffix(), dest.name8()),
            Inst::JmpReg(r) => write!(f, "jmp *%{r}"),
            Inst::JmpRel8(rel) => write!(f, "jmp {}", dot_rel(rel as i64 + 2)),
            Inst::JmpRel32(rel) => write!(f, "jmp {}", dot_rel(rel as i64 + 5)),
            Inst::JccRel8 { cc, rel } => write!(f, "j{} {}", cc.suffix(), dot_rel(rel as i64 + 2)),
            Inst::JccRel32 { cc, rel } => write!(f, "j{} {}", cc.suffix(), dot_rel(rel as i64 + 6)),
            Inst::CallRel32(rel) => write!(f, "call {}", dot_rel(rel as i64 + 5)),
            Inst::CallReg(r) => write!(f, "call *%{r}"),
        }
    }
}
