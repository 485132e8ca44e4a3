//! The Thumb instructions `py/asmthumb.c` can emit, as values: each encodes itself exactly as the C
//! function of the same name does, and prints itself in GNU `as` unified syntax (the text the table
//! tests feed back to `arm-none-eabi-as`).

use super::encode::{
    addsub_w, b_n, b_w, bcc_n, bcc_w, extend, format_1, format_11, format_13, format_14, format_2,
    format_3, format_4, format_5, format_7_8, format_9_10, it, ldst_w, mov_i16,
};
use super::imms::{dot_rel, Rel12, Rel21, Rel23, Rel9, U11, U12, U5, U7, U8};
use super::regs::{Cc, Lo, Reg};
use crate::asm::enc::Enc;
use std::fmt;

/// A format 4 ALU operation (`ASM_THUMB_FORMAT_4_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AluOp {
    And,
    Eor,
    Lsl,
    Lsr,
    Asr,
    Neg,
    Cmp,
    Orr,
    Mul,
    Mvn,
}

impl AluOp {
    /// Every operation MicroPython emits.
    pub const ALL: [AluOp; 10] = [
        AluOp::And,
        AluOp::Eor,
        AluOp::Lsl,
        AluOp::Lsr,
        AluOp::Asr,
        AluOp::Neg,
        AluOp::Cmp,
        AluOp::Orr,
        AluOp::Mul,
        AluOp::Mvn,
    ];

    /// `ASM_THUMB_FORMAT_4_*`.
    pub const fn opcode(self) -> u16 {
        match self {
            AluOp::And => 0x4000,
            AluOp::Eor => 0x4040,
            AluOp::Lsl => 0x4080,
            AluOp::Lsr => 0x40c0,
            AluOp::Asr => 0x4100,
            AluOp::Neg => 0x4240,
            AluOp::Cmp => 0x4280,
            AluOp::Orr => 0x4300,
            AluOp::Mul => 0x4340,
            AluOp::Mvn => 0x43c0,
        }
    }

    /// The flag-setting unified mnemonic (`cmp` has no `s`).
    pub const fn mnemonic(self) -> &'static str {
        match self {
            AluOp::And => "ands",
            AluOp::Eor => "eors",
            AluOp::Lsl => "lsls",
            AluOp::Lsr => "lsrs",
            AluOp::Asr => "asrs",
            AluOp::Neg => "negs",
            AluOp::Cmp => "cmp",
            AluOp::Orr => "orrs",
            AluOp::Mul => "muls",
            AluOp::Mvn => "mvns",
        }
    }
}

/// A load or store size and direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LdSt {
    Str,
    Strb,
    Strh,
    Ldr,
    Ldrb,
    Ldrh,
}

impl LdSt {
    /// Every form.
    pub const ALL: [LdSt; 6] = [
        LdSt::Str,
        LdSt::Strb,
        LdSt::Strh,
        LdSt::Ldr,
        LdSt::Ldrb,
        LdSt::Ldrh,
    ];

    /// log2 of the access size: the shift applied to offsets.
    pub const fn shift(self) -> u32 {
        match self {
            LdSt::Str | LdSt::Ldr => 2,
            LdSt::Strh | LdSt::Ldrh => 1,
            LdSt::Strb | LdSt::Ldrb => 0,
        }
    }

    /// The load of `1 << size_log2` bytes (`ldrb`, `ldrh`, `ldr`).
    pub const fn load_of_size(size_log2: u32) -> LdSt {
        match size_log2 {
            0 => LdSt::Ldrb,
            1 => LdSt::Ldrh,
            _ => LdSt::Ldr,
        }
    }

    /// The store of `1 << size_log2` bytes (`strb`, `strh`, `str`).
    pub const fn store_of_size(size_log2: u32) -> LdSt {
        match size_log2 {
            0 => LdSt::Strb,
            1 => LdSt::Strh,
            _ => LdSt::Str,
        }
    }

    /// Whether it loads.
    pub const fn is_load(self) -> bool {
        matches!(self, LdSt::Ldr | LdSt::Ldrb | LdSt::Ldrh)
    }

    /// `ASM_THUMB_FORMAT_9_*` / `ASM_THUMB_FORMAT_10_*`.
    const fn narrow_op(self) -> u16 {
        match self {
            LdSt::Str => 0x6000,
            LdSt::Strb => 0x7000,
            LdSt::Strh => 0x8000,
            LdSt::Ldr => 0x6800,
            LdSt::Ldrb => 0x7800,
            LdSt::Ldrh => 0x8800,
        }
    }

    /// `ASM_THUMB_FORMAT_7/8`: the register-offset form.
    const fn reg_op(self) -> u16 {
        match self {
            LdSt::Str => 0x5000,
            LdSt::Strh => 0x5200,
            LdSt::Strb => 0x5400,
            LdSt::Ldr => 0x5800,
            LdSt::Ldrh => 0x5a00,
            LdSt::Ldrb => 0x5c00,
        }
    }

    /// First halfword of the wide (`.w`, imm12) form.
    const fn wide_op(self) -> u16 {
        match self {
            LdSt::Strb => 0xf880,
            LdSt::Strh => 0xf8a0,
            LdSt::Str => 0xf8c0,
            LdSt::Ldrb => 0xf890,
            LdSt::Ldrh => 0xf8b0,
            LdSt::Ldr => 0xf8d0,
        }
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            LdSt::Str => "str",
            LdSt::Strb => "strb",
            LdSt::Strh => "strh",
            LdSt::Ldr => "ldr",
            LdSt::Ldrb => "ldrb",
            LdSt::Ldrh => "ldrh",
        }
    }
}

/// One instruction (or data item written through `asm_thumb_op16`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inst {
    /// `ASM_THUMB_OP_NOP`.
    Nop,
    /// `asm_thumb_lsl_rlo_rlo_i5`: `lsls rd, rs, #imm5`.
    LslImm { rd: Lo, rs: Lo, imm: U5 },
    /// `asm_thumb_add_rlo_rlo_rlo`: `adds rd, rs, rn`.
    AddReg { rd: Lo, rs: Lo, rn: Lo },
    /// `asm_thumb_sub_rlo_rlo_rlo`: `subs rd, rs, rn`.
    SubReg { rd: Lo, rs: Lo, rn: Lo },
    /// `asm_thumb_mov_rlo_i8`: `movs rd, #imm8`.
    MovImm { rd: Lo, imm: U8 },
    /// `asm_thumb_cmp_rlo_i8`: `cmp rd, #imm8`.
    CmpImm { rd: Lo, imm: U8 },
    /// `asm_thumb_add_rlo_i8`: `adds rd, #imm8`.
    AddImm { rd: Lo, imm: U8 },
    /// `asm_thumb_ldr_rlo_pcrel_i8`: `ldr rd, [pc, #4*imm8]`.
    LdrPc { rd: Lo, words: U8 },
    /// `asm_thumb_format_4`: `<op>s rd, rs` (`muls rd, rs, rd`).
    Alu { op: AluOp, rd: Lo, rs: Lo },
    /// `asm_thumb_add_reg_reg`: `add rd, rs` on any registers (format 5).
    AddHi { rd: Reg, rs: Reg },
    /// `asm_thumb_mov_reg_reg`: `mov rd, rs` on any registers (format 5, `0x4600`).
    MovReg { rd: Reg, rs: Reg },
    /// `asm_thumb_bx_reg`.
    Bx(Reg),
    /// `OP_BLX`: call through a register.
    Blx(Reg),
    /// `asm_thumb_format_9_10`: load/store `[rn, #imm5 << size]`.
    LdStImm { op: LdSt, rt: Lo, rn: Lo, imm: U5 },
    /// Load/store `[rn, rm]` (formats 7 and 8).
    LdStReg { op: LdSt, rt: Lo, rn: Lo, rm: Lo },
    /// Wide load/store `[rn, #imm12]` (byte offset).
    LdStWide {
        op: LdSt,
        rt: Reg,
        rn: Reg,
        imm: U12,
    },
    /// `OP_STR_TO_SP_OFFSET`: `str rt, [sp, #4*words]`.
    StrSp { rt: Lo, words: U8 },
    /// `OP_LDR_FROM_SP_OFFSET`: `ldr rt, [sp, #4*words]`.
    LdrSp { rt: Lo, words: U8 },
    /// `OP_ADD_REG_SP_OFFSET`: `add rd, sp, #4*words`.
    AddRegSp { rd: Lo, words: U8 },
    /// `OP_ADD_SP`: `add sp, #4*words`.
    AddSp(U7),
    /// `OP_SUB_SP`: `sub sp, #4*words`.
    SubSp(U7),
    /// `OP_ADD_W_RRI`: `addw rd, rn, #imm`.
    Addw { rd: Reg, rn: Reg, imm: U11 },
    /// `OP_SUB_W_RRI`: `subw rd, rn, #imm`.
    Subw { rd: Reg, rn: Reg, imm: U11 },
    /// `OP_PUSH_RLIST[_LR]`.
    Push { rlist: u8, lr: bool },
    /// `OP_POP_RLIST[_PC]`.
    Pop { rlist: u8, pc: bool },
    /// `asm_thumb_sxth_rlo_rlo`.
    Sxth { rd: Lo, rs: Lo },
    /// `ASM_THUMB_OP_ITE_<cc>`: the next instruction runs if `cc`, the one after if not.
    Ite(Cc),
    /// `OP_BCC_N`.
    BccN { cc: Cc, rel: Rel9 },
    /// `OP_B_N`.
    BN(Rel12),
    /// `OP_BCC_W_HI/LO`.
    BccW { cc: Cc, rel: Rel21 },
    /// `OP_BW_HI/LO`.
    BW(Rel23),
    /// `asm_thumb_mov_reg_i16(ASM_THUMB_OP_MOVW)`.
    Movw { rd: Reg, imm: u16 },
    /// `asm_thumb_mov_reg_i16(ASM_THUMB_OP_MOVT)`.
    Movt { rd: Reg, imm: u16 },
    /// A halfword of inline data (`asm_thumb_op16` of a literal).
    Data16(u16),
    /// A word of inline data (the offset of an armv6m long jump).
    Data32(u32),
}

impl Inst {
    /// The halfwords, in the order they are written.
    pub fn halfwords(&self) -> ([u16; 2], usize) {
        let one = |h: u16| ([h, 0], 1);
        let two = |h: [u16; 2]| (h, 2);
        match *self {
            Inst::Nop => one(0xbf00),
            Inst::LslImm { rd, rs, imm } => one(format_1(0x0000, rd, rs, imm)),
            Inst::AddReg { rd, rs, rn } => one(format_2(0x1800, rd, rs, rn)),
            Inst::SubReg { rd, rs, rn } => one(format_2(0x1a00, rd, rs, rn)),
            Inst::MovImm { rd, imm } => one(format_3(0x2000, rd, imm)),
            Inst::CmpImm { rd, imm } => one(format_3(0x2800, rd, imm)),
            Inst::AddImm { rd, imm } => one(format_3(0x3000, rd, imm)),
            Inst::LdrPc { rd, words } => one(format_3(0x4800, rd, words)),
            Inst::Alu { op, rd, rs } => one(format_4(op.opcode(), rd, rs)),
            Inst::AddHi { rd, rs } => one(format_5(0x4400, rd, rs)),
            Inst::MovReg { rd, rs } => one(format_5(0x4600, rd, rs)),
            Inst::Bx(r) => one(format_5(0x4700, Reg::R0, r)),
            Inst::Blx(r) => one(0x4780 | (r.num() as u16) << 3),
            Inst::LdStImm { op, rt, rn, imm } => one(format_9_10(op.narrow_op(), rt, rn, imm)),
            Inst::LdStReg { op, rt, rn, rm } => one(format_7_8(op.reg_op(), rt, rn, rm)),
            Inst::LdStWide { op, rt, rn, imm } => two(ldst_w(op.wide_op(), rt, rn, imm)),
            Inst::StrSp { rt, words } => one(format_11(0x9000, rt, words)),
            Inst::LdrSp { rt, words } => one(format_11(0x9800, rt, words)),
            Inst::AddRegSp { rd, words } => one(format_11(0xa800, rd, words)),
            Inst::AddSp(n) => one(format_13(false, n)),
            Inst::SubSp(n) => one(format_13(true, n)),
            Inst::Addw { rd, rn, imm } => two(addsub_w(0xf200, rd, rn, imm)),
            Inst::Subw { rd, rn, imm } => two(addsub_w(0xf2a0, rd, rn, imm)),
            Inst::Push { rlist, lr } => one(format_14(false, lr, rlist)),
            Inst::Pop { rlist, pc } => one(format_14(true, pc, rlist)),
            Inst::Sxth { rd, rs } => one(extend(0xb200, rd, rs)),
            Inst::Ite(cc) => one(it(cc, if cc.num() & 1 == 0 { 0xc } else { 0x4 })),
            Inst::BccN { cc, rel } => one(bcc_n(cc, rel)),
            Inst::BN(rel) => one(b_n(rel)),
            Inst::BccW { cc, rel } => two(bcc_w(cc, rel)),
            Inst::BW(rel) => two(b_w(rel)),
            Inst::Movw { rd, imm } => two(mov_i16(0xf240, rd, imm)),
            Inst::Movt { rd, imm } => two(mov_i16(0xf2c0, rd, imm)),
            Inst::Data16(v) => one(v),
            Inst::Data32(v) => two([v as u16, (v >> 16) as u16]),
        }
    }

    /// Encodes the instruction: each halfword little endian.
    pub fn encode(&self, e: &mut Enc) {
        let (hs, n) = self.halfwords();
        for h in &hs[..n] {
            e.bytes(&h.to_le_bytes());
        }
    }

    /// The encoded bytes.
    pub fn bytes(&self) -> Enc {
        let mut e = Enc::new();
        self.encode(&mut e);
        e
    }
}

/// `{r1, r4, r5, lr}`.
fn rlist_text(rlist: u8, extra: Option<&str>) -> String {
    let mut regs: Vec<&str> = (0..8)
        .filter(|i| rlist & (1 << i) != 0)
        .map(|i| Reg::ALL[i].name())
        .collect();
    regs.extend(extra);
    format!("{{{}}}", regs.join(", "))
}

impl fmt::Display for Inst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Inst::Nop => write!(f, "nop"),
            Inst::LslImm { rd, rs, imm } => write!(f, "lsls {rd}, {rs}, #{}", imm.get()),
            Inst::AddReg { rd, rs, rn } => write!(f, "adds {rd}, {rs}, {rn}"),
            Inst::SubReg { rd, rs, rn } => write!(f, "subs {rd}, {rs}, {rn}"),
            Inst::MovImm { rd, imm } => write!(f, "movs {rd}, #{}", imm.get()),
            Inst::CmpImm { rd, imm } => write!(f, "cmp {rd}, #{}", imm.get()),
            Inst::AddImm { rd, imm } => write!(f, "adds {rd}, #{}", imm.get()),
            Inst::LdrPc { rd, words } => write!(f, "ldr {rd}, [pc, #{}]", 4 * words.get()),
            Inst::Alu {
                op: AluOp::Mul,
                rd,
                rs,
            } => write!(f, "muls {rd}, {rs}, {rd}"),
            Inst::Alu { op, rd, rs } => write!(f, "{} {rd}, {rs}", op.mnemonic()),
            Inst::AddHi { rd, rs } => write!(f, "add {rd}, {rs}"),
            Inst::MovReg { rd, rs } => write!(f, "mov {rd}, {rs}"),
            Inst::Bx(r) => write!(f, "bx {r}"),
            Inst::Blx(r) => write!(f, "blx {r}"),
            Inst::LdStImm { op, rt, rn, imm } => write!(
                f,
                "{} {rt}, [{rn}, #{}]",
                op.mnemonic(),
                imm.get() << op.shift()
            ),
            Inst::LdStReg { op, rt, rn, rm } => write!(f, "{} {rt}, [{rn}, {rm}]", op.mnemonic()),
            Inst::LdStWide { op, rt, rn, imm } => {
                write!(f, "{}.w {rt}, [{rn}, #{}]", op.mnemonic(), imm.get())
            }
            Inst::StrSp { rt, words } => write!(f, "str {rt}, [sp, #{}]", 4 * words.get()),
            Inst::LdrSp { rt, words } => write!(f, "ldr {rt}, [sp, #{}]", 4 * words.get()),
            Inst::AddRegSp { rd, words } => write!(f, "add {rd}, sp, #{}", 4 * words.get()),
            Inst::AddSp(n) => write!(f, "add sp, #{}", 4 * n.get()),
            Inst::SubSp(n) => write!(f, "sub sp, #{}", 4 * n.get()),
            Inst::Addw { rd, rn, imm } => write!(f, "addw {rd}, {rn}, #{}", imm.get()),
            Inst::Subw { rd, rn, imm } => write!(f, "subw {rd}, {rn}, #{}", imm.get()),
            Inst::Push { rlist, lr } => write!(f, "push {}", rlist_text(rlist, lr.then_some("lr"))),
            Inst::Pop { rlist, pc } => write!(f, "pop {}", rlist_text(rlist, pc.then_some("pc"))),
            Inst::Sxth { rd, rs } => write!(f, "sxth {rd}, {rs}"),
            Inst::Ite(cc) => write!(f, "ite {}", cc.suffix()),
            Inst::BccN { cc, rel } => {
                write!(f, "b{}.n {}", cc.suffix(), dot_rel(rel.get() as i64 + 4))
            }
            Inst::BN(rel) => write!(f, "b.n {}", dot_rel(rel.get() as i64 + 4)),
            Inst::BccW { cc, rel } => {
                write!(f, "b{}.w {}", cc.suffix(), dot_rel(rel.get() as i64 + 4))
            }
            Inst::BW(rel) => write!(f, "b.w {}", dot_rel(rel.get() as i64 + 4)),
            Inst::Movw { rd, imm } => write!(f, "movw {rd}, #{imm}"),
            Inst::Movt { rd, imm } => write!(f, "movt {rd}, #{imm}"),
            Inst::Data16(v) => write!(f, ".short {v:#06x}"),
            Inst::Data32(v) => write!(f, ".word {v:#010x}"),
        }
    }
}
