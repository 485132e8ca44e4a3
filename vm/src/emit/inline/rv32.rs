//! `@micropython.asm_rv32`: the port of `py/emitinlinerv32.c` (1.29).
//!
//! Every instruction is one row of a table: its argument kinds (register, compressed register
//! `x8`..`x15`, signed or unsigned immediate, non-zero immediate, label), a mask of the values each
//! may take, and a shift applied to immediates before the check. Arguments are checked in order and
//! the first failure is the error ("opcode 'add' argument 2: expecting register"). Loads and stores
//! take `offset(base)` as their second argument. Zba's `sh<n>add` need `-march-flags=zba`; Zcmp's
//! `cm.*` need `zcmp` and are handled before the table (a malformed one is reported as an invalid
//! instruction, because the C falls through to the table's lookup after the Zcmp handler fails).
//!
//! The range checks work on C integers: masks are 32-bit, so a signed check only looks at the low
//! 32 bits of the 64-bit value (`li` and `lui` accept anything), while an unsigned check sees all 64.

use super::args::{self, Node, Offset, ZcmpList};
use super::{Isa, Raised, Shared};
use crate::asm::rv32::imms::{
    Addi4spn, COff, CUpper, Rel12, Rel13, Rel9, Shamt, SpOff, Upper, I12, I6,
};
use crate::asm::rv32::inline_inst::{
    BranchOp, CaOp, Csr, CsrOp, IOp, InlineInst, ROp, Rel21, SReg, ShiftOp, StoreOp, ZcmpOp, U5,
};
use crate::asm::rv32::inst::Inst;
use crate::asm::rv32::regs::{CReg, Reg};
use crate::asm::rv32::AsmRv32imc;
use crate::asm::{Asm, CodeBuffer, Pass};
use crate::error::ErrorKind;

/// `REGISTERS_QSTR_TABLE`: ABI names then `x0`..`x31` (no `fp`).
fn register(n: Node<'_>) -> Option<u32> {
    const ABI: [&str; 32] = [
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4",
        "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
        "t5", "t6",
    ];
    let id = n.id()?;
    if let Some(i) = ABI.iter().position(|a| *a == id) {
        return Some(i as u32);
    }
    let digits = id.strip_prefix('x')?;
    if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
        return None;
    }
    digits.parse::<u32>().ok().filter(|&r| r < 32)
}

/// What an argument must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// No argument.
    N,
    /// A register (`R`), or a compressed one encoded as `x - 8` (`RC`).
    R { compressed: bool },
    /// An immediate: `U` unsigned check, `Z` non-zero.
    I { unsigned: bool, nonzero: bool },
    /// A label (displacement from here), signed check.
    L,
}

const N: Kind = Kind::N;
const R: Kind = Kind::R { compressed: false };
const RC: Kind = Kind::R { compressed: true };
const I: Kind = Kind::I {
    unsigned: false,
    nonzero: false,
};
const IU: Kind = Kind::I {
    unsigned: true,
    nonzero: false,
};
const IZ: Kind = Kind::I {
    unsigned: false,
    nonzero: true,
};
const IUZ: Kind = Kind::I {
    unsigned: true,
    nonzero: true,
};
const L: Kind = Kind::L;

/// One argument slot: kind, allowed-value mask, shift.
#[derive(Clone, Copy, Debug)]
struct Slot(Kind, u32, u32);

/// Which instruction a row writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    R(ROp),
    I(IOp),
    Shift(ShiftOp),
    Store(StoreOp),
    Branch(BranchOp),
    Lui,
    Auipc,
    Jal,
    La,
    Li,
    Csr(CsrOp),
    CsrI(CsrOp),
    Ecall,
    Ebreak,
    CAdd,
    CMv,
    CJr,
    CJalr,
    CAddi,
    CAddi4spn,
    Ca(CaOp),
    CAndi,
    CBeqz,
    CBnez,
    CJ,
    CJal,
    CLi,
    CLui,
    CLw,
    CSw,
    CLwsp,
    CSwsp,
    CSlli,
    CSrai,
    CSrli,
    CNop,
    CEbreak,
}

/// A table row (`opcode_t`): name, slots, argument count, whether `CALL_RIR` (offset(base) second),
/// whether Zba is required.
struct Row {
    name: &'static str,
    slots: [Slot; 3],
    nodes: usize,
    rir: bool,
    zba: bool,
    op: Op,
}

const fn row(name: &'static str, nodes: usize, slots: [Slot; 3], op: Op) -> Row {
    Row {
        name,
        slots,
        nodes,
        rir: false,
        zba: false,
        op,
    }
}

const fn rir(name: &'static str, slots: [Slot; 3], op: Op) -> Row {
    Row {
        name,
        slots,
        nodes: 2,
        rir: true,
        zba: false,
        op,
    }
}

const fn zba(name: &'static str, op: Op) -> Row {
    Row {
        name,
        slots: RRR,
        nodes: 3,
        rir: false,
        zba: true,
        op,
    }
}

const F: u32 = 0xffff_ffff;
const NONE: Slot = Slot(N, 0, 0);
const RRR: [Slot; 3] = [Slot(R, F, 0), Slot(R, F, 0), Slot(R, F, 0)];
const RRI12: [Slot; 3] = [Slot(R, F, 0), Slot(R, F, 0), Slot(I, 0xfff, 0)];
const RRL: [Slot; 3] = [Slot(R, F, 0), Slot(R, F, 0), Slot(L, 0x1ffe, 0)];
const LOAD: [Slot; 3] = [Slot(R, F, 0), Slot(I, 0xfff, 0), Slot(R, F, 0)];
const SHIFT: [Slot; 3] = [Slot(R, F, 0), Slot(R, F, 0), Slot(IU, 0x1f, 0)];
const CSR: [Slot; 3] = [Slot(R, F, 0), Slot(R, F, 0), Slot(IU, 0xfff, 0)];
const CSRI: [Slot; 3] = [Slot(R, F, 0), Slot(IU, 0xfff, 0), Slot(IU, 0x1f, 0)];
const CRR: [Slot; 3] = [Slot(RC, 0xff00, 0), Slot(RC, 0xff00, 0), NONE];
const NOARGS: [Slot; 3] = [NONE, NONE, NONE];

/// `OPCODES`, in the C's order.
const ROWS: &[Row] = &[
    row("add", 3, RRR, Op::R(ROp::Add)),
    row("addi", 3, RRI12, Op::I(IOp::Addi)),
    row("and_", 3, RRR, Op::R(ROp::And)),
    row("andi", 3, RRI12, Op::I(IOp::Andi)),
    row(
        "auipc",
        2,
        [Slot(R, F, 0), Slot(I, 0xffff_f000, 12), NONE],
        Op::Auipc,
    ),
    row("beq", 3, RRL, Op::Branch(BranchOp::Beq)),
    row("bge", 3, RRL, Op::Branch(BranchOp::Bge)),
    row("bgeu", 3, RRL, Op::Branch(BranchOp::Bgeu)),
    row("blt", 3, RRL, Op::Branch(BranchOp::Blt)),
    row("bltu", 3, RRL, Op::Branch(BranchOp::Bltu)),
    row("bne", 3, RRL, Op::Branch(BranchOp::Bne)),
    row("csrrc", 3, CSR, Op::Csr(CsrOp::Rc)),
    row("csrrs", 3, CSR, Op::Csr(CsrOp::Rs)),
    row("csrrw", 3, CSR, Op::Csr(CsrOp::Rw)),
    row("csrrci", 3, CSRI, Op::CsrI(CsrOp::Rc)),
    row("csrrsi", 3, CSRI, Op::CsrI(CsrOp::Rs)),
    row("csrrwi", 3, CSRI, Op::CsrI(CsrOp::Rw)),
    row(
        "c_add",
        2,
        [Slot(R, 0xffff_fffe, 0), Slot(R, 0xffff_fffe, 0), NONE],
        Op::CAdd,
    ),
    row(
        "c_addi",
        2,
        [Slot(R, 0xffff_fffe, 0), Slot(IZ, 0x3f, 0), NONE],
        Op::CAddi,
    ),
    row(
        "c_addi4spn",
        2,
        [Slot(R, 0xff00, 0), Slot(IUZ, 0x3fc, 0), NONE],
        Op::CAddi4spn,
    ),
    row("c_and", 2, CRR, Op::Ca(CaOp::And)),
    row(
        "c_andi",
        2,
        [Slot(RC, 0xff00, 0), Slot(I, 0x3f, 0), NONE],
        Op::CAndi,
    ),
    row(
        "c_beqz",
        2,
        [Slot(RC, 0xff00, 0), Slot(L, 0x1fe, 0), NONE],
        Op::CBeqz,
    ),
    row(
        "c_bnez",
        2,
        [Slot(RC, 0xff00, 0), Slot(L, 0x1fe, 0), NONE],
        Op::CBnez,
    ),
    row("c_ebreak", 0, NOARGS, Op::CEbreak),
    row("c_j", 1, [Slot(L, 0xffe, 0), NONE, NONE], Op::CJ),
    row("c_jal", 1, [Slot(L, 0xffe, 0), NONE, NONE], Op::CJal),
    row(
        "c_jalr",
        1,
        [Slot(R, 0xffff_fffe, 0), NONE, NONE],
        Op::CJalr,
    ),
    row("c_jr", 1, [Slot(R, 0xffff_fffe, 0), NONE, NONE], Op::CJr),
    row(
        "c_li",
        2,
        [Slot(R, 0xffff_fffe, 0), Slot(I, 0x3f, 0), NONE],
        Op::CLi,
    ),
    row(
        "c_lui",
        2,
        [Slot(R, 0xffff_fffa, 0), Slot(IUZ, 0x1_f800, 12), NONE],
        Op::CLui,
    ),
    rir(
        "c_lw",
        [Slot(RC, 0xff00, 0), Slot(I, 0x7c, 0), Slot(RC, 0xff00, 0)],
        Op::CLw,
    ),
    row(
        "c_lwsp",
        2,
        [Slot(R, 0xffff_fffe, 0), Slot(I, 0xfc, 0), NONE],
        Op::CLwsp,
    ),
    row(
        "c_mv",
        2,
        [Slot(R, 0xffff_fffe, 0), Slot(R, 0xffff_fffe, 0), NONE],
        Op::CMv,
    ),
    row("c_nop", 0, NOARGS, Op::CNop),
    row("c_or", 2, CRR, Op::Ca(CaOp::Or)),
    row(
        "c_slli",
        2,
        [Slot(R, 0xffff_fffe, 0), Slot(IU, 0x1f, 0), NONE],
        Op::CSlli,
    ),
    row(
        "c_srai",
        2,
        [Slot(RC, 0xff00, 0), Slot(IU, 0x1f, 0), NONE],
        Op::CSrai,
    ),
    row(
        "c_srli",
        2,
        [Slot(RC, 0xff00, 0), Slot(IU, 0x1f, 0), NONE],
        Op::CSrli,
    ),
    row("c_sub", 2, CRR, Op::Ca(CaOp::Sub)),
    rir(
        "c_sw",
        [Slot(RC, 0xff00, 0), Slot(I, 0x7c, 0), Slot(RC, 0xff00, 0)],
        Op::CSw,
    ),
    row(
        "c_swsp",
        2,
        [Slot(R, F, 0), Slot(I, 0xfc, 0), NONE],
        Op::CSwsp,
    ),
    row("c_xor", 2, CRR, Op::Ca(CaOp::Xor)),
    row("div", 3, RRR, Op::R(ROp::Div)),
    row("divu", 3, RRR, Op::R(ROp::Divu)),
    row("ebreak", 0, NOARGS, Op::Ebreak),
    row("ecall", 0, NOARGS, Op::Ecall),
    row(
        "jal",
        2,
        [Slot(R, F, 0), Slot(L, 0x1f_fffe, 0), NONE],
        Op::Jal,
    ),
    row("jalr", 3, RRI12, Op::I(IOp::Jalr)),
    row("la", 2, [Slot(R, F, 0), Slot(L, F, 0), NONE], Op::La),
    rir("lb", LOAD, Op::I(IOp::Lb)),
    rir("lbu", LOAD, Op::I(IOp::Lbu)),
    rir("lh", LOAD, Op::I(IOp::Lh)),
    rir("lhu", LOAD, Op::I(IOp::Lhu)),
    row("li", 2, [Slot(R, F, 0), Slot(I, F, 0), NONE], Op::Li),
    row(
        "lui",
        2,
        [Slot(R, F, 0), Slot(I, 0xffff_f000, 12), NONE],
        Op::Lui,
    ),
    rir("lw", LOAD, Op::I(IOp::Lw)),
    row("mv", 2, [Slot(R, F, 0), Slot(R, F, 0), NONE], Op::CMv),
    row("mul", 3, RRR, Op::R(ROp::Mul)),
    row("mulh", 3, RRR, Op::R(ROp::Mulh)),
    row("mulhsu", 3, RRR, Op::R(ROp::Mulhsu)),
    row("mulhu", 3, RRR, Op::R(ROp::Mulhu)),
    row("or_", 3, RRR, Op::R(ROp::Or)),
    row("ori", 3, RRI12, Op::I(IOp::Ori)),
    row("rem", 3, RRR, Op::R(ROp::Rem)),
    row("remu", 3, RRR, Op::R(ROp::Remu)),
    rir("sb", LOAD, Op::Store(StoreOp::Sb)),
    rir("sh", LOAD, Op::Store(StoreOp::Sh)),
    zba("sh1add", Op::R(ROp::Sh1add)),
    zba("sh2add", Op::R(ROp::Sh2add)),
    zba("sh3add", Op::R(ROp::Sh3add)),
    row("sll", 3, RRR, Op::R(ROp::Sll)),
    row("slli", 3, SHIFT, Op::Shift(ShiftOp::Slli)),
    row("slt", 3, RRR, Op::R(ROp::Slt)),
    row("slti", 3, RRI12, Op::I(IOp::Slti)),
    row("sltiu", 3, RRI12, Op::I(IOp::Sltiu)),
    row("sltu", 3, RRR, Op::R(ROp::Sltu)),
    row("sra", 3, RRR, Op::R(ROp::Sra)),
    row("srai", 3, SHIFT, Op::Shift(ShiftOp::Srai)),
    row("srl", 3, RRR, Op::R(ROp::Srl)),
    row("srli", 3, SHIFT, Op::Shift(ShiftOp::Srli)),
    row("sub", 3, RRR, Op::R(ROp::Sub)),
    rir("sw", LOAD, Op::Store(StoreOp::Sw)),
    row("xor", 3, RRR, Op::R(ROp::Xor)),
    row("xori", 3, RRI12, Op::I(IOp::Xori)),
];

/// `is_in_signed_mask`: the masks are contiguous 32-bit values, so only the low 32 bits count.
fn in_signed_mask(mask: u32, value: u64) -> bool {
    let lz = mask.leading_zeros();
    if lz == 0 {
        return true;
    }
    let v = value as u32;
    let positive = !(mask & !(1u32 << (31 - lz)));
    if v & positive == 0 {
        return true;
    }
    let mut negative = !(mask >> 1);
    let tz = mask.trailing_zeros();
    if tz > 0 {
        let trailing = (1u32 << tz) - 1;
        if v & trailing != 0 {
            return false;
        }
        negative &= !trailing;
    }
    v & negative == negative
}

/// `is_in_unsigned_mask`: all 64 bits count.
fn in_unsigned_mask(mask: u32, value: u64) -> bool {
    value & !u64::from(mask) == 0
}

/// `validate_integer`.
fn valid_integer(value: u64, mask: u32, unsigned: bool, nonzero: bool) -> bool {
    let ok = if unsigned {
        in_unsigned_mask(mask, value)
    } else {
        in_signed_mask(mask, value)
    };
    ok && !(nonzero && value == 0)
}

/// Sign-extends the low `bits` bits.
fn sext(v: u64, bits: u32) -> i64 {
    let s = 64 - bits;
    ((v as i64) << s) >> s
}

/// The RV32 inline assembler.
pub struct InlineRv32 {
    asm: AsmRv32imc,
    zba: bool,
    zcmp: bool,
}

impl InlineRv32 {
    /// `emit_inline_rv32_new`; `flags` are the `-march-flags` bits (1: zba, 2: zcmp).
    pub fn new(max_num_labels: usize, flags: u32) -> Self {
        InlineRv32 {
            asm: AsmRv32imc::new(max_num_labels),
            zba: flags & 1 != 0,
            zcmp: flags & 2 != 0,
        }
    }

    fn put(&mut self, i: InlineInst) {
        let bytes = i.bytes();
        self.asm.base_mut().emit(bytes.as_slice(), || i.to_string());
    }

    fn put_base(&mut self, i: Inst) {
        self.asm.emit(i);
    }

    /// `serialise_argument`: the value of argument `index` (0-based), or `None` after an error.
    fn serialise(&self, sh: &mut Shared, row: &Row, n: Node<'_>, index: usize) -> Option<u64> {
        let Slot(kind, mask, shift) = row.slots[index];
        let name = row.name;
        let argn = index + 1;
        match kind {
            Kind::N => Some(0),
            Kind::R { compressed } => {
                let Some(r) = register(n) else {
                    sh.error(format!(
                        "opcode '{name}' argument {argn}: expecting register"
                    ));
                    return None;
                };
                if mask & (1 << r) == 0 {
                    sh.error(format!("opcode '{name}' argument {argn}: unknown register"));
                    return None;
                }
                Some(u64::from(if compressed { r - 8 } else { r }))
            }
            Kind::I { unsigned, nonzero } => {
                let Some(v) = n.int() else {
                    sh.error(format!(
                        "opcode '{name}' argument {argn}: expecting integer"
                    ));
                    return None;
                };
                let imm = (v as u64).wrapping_shl(shift);
                let ok = if unsigned {
                    in_unsigned_mask(mask, imm)
                } else {
                    in_signed_mask(mask, imm)
                };
                if !ok {
                    sh.error(format!("opcode '{name}' argument {argn}: out of range"));
                    return None;
                }
                if nonzero && imm == 0 {
                    sh.error(format!("opcode '{name}' argument {argn}: must not be zero"));
                    return None;
                }
                Some(imm)
            }
            Kind::L => {
                let Some(id) = n.id() else {
                    sh.error(format!("opcode '{name}' argument {argn}: expecting label"));
                    return None;
                };
                let here = self.asm.base().code_pos() as i64;
                let dest = match sh.labels.find(id) {
                    Some(l) => sh.labels.offset(l),
                    None if sh.pass == Pass::Emit => {
                        sh.error(format!(
                            "opcode '{name}' argument {argn}: undefined label '{id}'"
                        ));
                        return None;
                    }
                    // The C reads one past the label offsets here, which mpy-cross's heap leaves 0.
                    None => 0,
                };
                let disp = (dest - here) as u64;
                if !in_signed_mask(mask, disp) {
                    sh.error(format!("opcode '{name}' argument {argn}: out of range"));
                    return None;
                }
                Some(disp)
            }
        }
    }

    /// `serialise_register_offset_node`: `(offset, base)` of `offset(base)`.
    fn serialise_offset(&self, sh: &mut Shared, row: &Row, n: Node<'_>) -> Option<(u64, u64)> {
        let name = row.name;
        let (offset, base) = match args::rv32_offset(n) {
            Offset::Invalid => {
                sh.error(format!("opcode '{name}' argument 2: expecting offset"));
                return None;
            }
            Offset::Plus { offset, base } => (self.serialise(sh, row, offset, 1)?, base),
            Offset::Minus { offset, base } => {
                let Some(v) = offset.int() else {
                    sh.error(format!("opcode '{name}' argument 2: expecting integer"));
                    return None;
                };
                let value = (v as u64).wrapping_neg();
                let Slot(kind, mask, shift) = row.slots[1];
                let (unsigned, nonzero) = match kind {
                    Kind::I { unsigned, nonzero } => (unsigned, nonzero),
                    _ => (false, false),
                };
                if !valid_integer(value.wrapping_shl(shift), mask, unsigned, nonzero) {
                    sh.error(format!("opcode '{name}' argument 2: out of range"));
                    return None;
                }
                (value, base)
            }
        };
        let base = self.serialise(sh, row, base, 2)?;
        Some((offset, base))
    }

    /// `handle_opcode`: writes the row's instruction from its serialised arguments.
    fn write(&mut self, op: Op, a: [u64; 3]) {
        let reg = |v: u64| Reg::ALL[(v & 31) as usize];
        let creg = |v: u64| CReg::new(Reg::ALL[(8 + (v & 7)) as usize]).unwrap_or(C_S0);
        let i12 = |v: u64| I12::clamped(sext(v & 0xfff, 12));
        let i6 = |v: u64| I6::clamped(sext(v & 0x3f, 6));
        let u5 = |v: u64| U5::new((v & 31) as i64).unwrap_or(U5_0);
        match op {
            Op::R(op) => self.put(InlineInst::R {
                op,
                rd: reg(a[0]),
                rs1: reg(a[1]),
                rs2: reg(a[2]),
            }),
            Op::I(op) => self.put(InlineInst::I {
                op,
                rd: reg(a[0]),
                rs1: reg(a[1]),
                imm: i12(a[2]),
            }),
            Op::Shift(op) => self.put(InlineInst::Shift {
                op,
                rd: reg(a[0]),
                rs1: reg(a[1]),
                shamt: Shamt::clamped((a[2] & 31) as i64),
            }),
            Op::Store(op) => self.put(InlineInst::Store {
                op,
                rs2: reg(a[0]),
                rs1: reg(a[1]),
                imm: i12(a[2]),
            }),
            Op::Branch(op) => self.put(InlineInst::Branch {
                op,
                rs1: reg(a[0]),
                rs2: reg(a[1]),
                rel: Rel13::clamped(sext(a[2] & 0x1ffe, 13)),
            }),
            Op::Lui | Op::Auipc => {
                let rd = reg(a[0]);
                let imm = Upper::new(a[1] as u32 & 0xffff_f000).unwrap_or(Upper::ZERO);
                self.put_base(if op == Op::Lui {
                    Inst::Lui { rd, imm }
                } else {
                    Inst::Auipc { rd, imm }
                });
            }
            Op::Jal => self.put(InlineInst::Jal {
                rd: reg(a[0]),
                rel: Rel21::new(sext(a[1] & 0x1f_fffe, 21)).unwrap_or(REL21_0),
            }),
            Op::La => {
                // `opcode_la`: never shortened, so label addresses do not move between passes.
                let rd = reg(a[0]);
                let d = a[1] as u32;
                let mut upper = d & 0xffff_f000;
                let lower = d & 0xfff;
                if lower & 0x800 != 0 {
                    upper = upper.wrapping_add(0x1000);
                }
                self.put_base(Inst::Auipc {
                    rd,
                    imm: Upper::new(upper).unwrap_or(Upper::ZERO),
                });
                self.put(InlineInst::I {
                    op: IOp::Addi,
                    rd,
                    rs1: rd,
                    imm: i12(u64::from(lower)),
                });
            }
            Op::Li => self.asm.load_immediate(reg(a[0]), a[1] as u32 as i32),
            Op::Csr(op) => self.put(InlineInst::Csr {
                op,
                rd: reg(a[0]),
                rs1: reg(a[1]),
                csr: Csr::new((a[2] & 0xfff) as i64).unwrap_or(CSR_0),
            }),
            Op::CsrI(op) => self.put(InlineInst::CsrI {
                op,
                rd: reg(a[0]),
                csr: Csr::new((a[1] & 0xfff) as i64).unwrap_or(CSR_0),
                uimm: u5(a[2]),
            }),
            Op::Ecall => self.put(InlineInst::Ecall),
            Op::Ebreak => self.put(InlineInst::Ebreak),
            Op::CAdd => self.put_base(Inst::CAdd {
                rd: reg(a[0]),
                rs2: reg(a[1]),
            }),
            Op::CMv => self.put_base(Inst::CMv {
                rd: reg(a[0]),
                rs2: reg(a[1]),
            }),
            Op::CJr => self.put_base(Inst::CJr(reg(a[0]))),
            Op::CJalr => self.put_base(Inst::CJalr(reg(a[0]))),
            Op::CAddi => self.put_base(Inst::CAddi {
                rd: reg(a[0]),
                imm: i6(a[1]),
            }),
            Op::CAddi4spn => self.put_base(Inst::CAddi4spn {
                rd: creg(a[0]),
                imm: Addi4spn::clamped((a[1] & 0x3fc) as i64),
            }),
            Op::Ca(op) => self.put(InlineInst::Ca {
                op,
                rd: creg(a[0]),
                rs2: creg(a[1]),
            }),
            Op::CAndi => self.put(InlineInst::CAndi {
                rd: creg(a[0]),
                imm: i6(a[1]),
            }),
            Op::CBeqz | Op::CBnez => {
                let rs1 = creg(a[0]);
                let rel = Rel9::clamped(sext(a[1] & 0x1fe, 9));
                self.put_base(if op == Op::CBeqz {
                    Inst::CBeqz { rs1, rel }
                } else {
                    Inst::CBnez { rs1, rel }
                });
            }
            Op::CJ => self.put_base(Inst::CJ(Rel12::clamped(sext(a[0] & 0xffe, 12)))),
            Op::CJal => self.put(InlineInst::CJal(Rel12::clamped(sext(a[0] & 0xffe, 12)))),
            Op::CLi => self.put_base(Inst::CLi {
                rd: reg(a[0]),
                imm: i6(a[1]),
            }),
            Op::CLui => {
                let v = sext((a[1] >> 12) & 0x3f, 6) << 12;
                match CUpper::new(v) {
                    Some(imm) => self.put_base(Inst::CLui { rd: reg(a[0]), imm }),
                    None => self.put_raw16((0x6001 | (reg(a[0]).num() << 7)) as u16, "c.lui"),
                }
            }
            Op::CLw | Op::CSw => {
                // `CALL_RIR`: (register, base, offset).
                let r = creg(a[0]);
                let rs1 = creg(a[1]);
                let off = COff::clamped((a[2] & 0x7c) as i64);
                self.put_base(if op == Op::CLw {
                    Inst::CLw { rd: r, rs1, off }
                } else {
                    Inst::CSw { rs2: r, rs1, off }
                });
            }
            Op::CLwsp => self.put_base(Inst::CLwsp {
                rd: reg(a[0]),
                off: SpOff::clamped((a[1] & 0xfc) as i64),
            }),
            Op::CSwsp => self.put_base(Inst::CSwsp {
                rs2: reg(a[0]),
                off: SpOff::clamped((a[1] & 0xfc) as i64),
            }),
            Op::CSlli => self.put(InlineInst::CSlli {
                rd: reg(a[0]),
                shamt: u5(a[1]),
            }),
            Op::CSrai | Op::CSrli => self.put(InlineInst::CShiftRight {
                arith: op == Op::CSrai,
                rd: creg(a[0]),
                shamt: u5(a[1]),
            }),
            Op::CNop => self.put(InlineInst::CNop),
            Op::CEbreak => self.put(InlineInst::CEbreak),
        }
    }

    /// A halfword no typed instruction covers (only reachable with values the checks exclude).
    fn put_raw16(&mut self, h: u16, text: &'static str) {
        self.asm
            .base_mut()
            .emit(&h.to_le_bytes(), || text.to_string());
    }

    /// `handle_zcmp_opcode`: true if the instruction was written; false for anything else (the C
    /// then reports it as an invalid instruction). `Err` when the stack adjustment does not fit a
    /// machine word (`mp_obj_get_int` raises).
    fn zcmp(
        &mut self,
        sh: &mut Shared,
        op: &str,
        x: Node<'_>,
        y: Node<'_>,
    ) -> Result<bool, Raised> {
        let pp = match op {
            "cm_push" => Some(ZcmpOp::Push),
            "cm_pop" => Some(ZcmpOp::Pop),
            "cm_popret" => Some(ZcmpOp::Popret),
            "cm_popretz" => Some(ZcmpOp::Popretz),
            "cm_mva01s" | "cm_mvsa01" => None,
            _ => return Ok(false),
        };
        let Some(pp) = pp else {
            let sreg = |n: Node<'_>| register(n).and_then(|r| SReg::new(Reg::ALL[r as usize]));
            let (Some(r1), Some(r2)) = (sreg(x), sreg(y)) else {
                return Ok(false);
            };
            if r1 == r2 {
                return Ok(false);
            }
            self.put(InlineInst::CmMv {
                to_a: op == "cm_mva01s",
                r1,
                r2,
            });
            return Ok(true);
        };
        let Some(rlist) = zcmp_rlist(x, &sh.src) else {
            return Ok(false);
        };
        let Some(adj) = y.expr().and_then(big_int) else {
            return Ok(false);
        };
        let Some(adj) = adj else {
            return Err(Raised {
                kind: ErrorKind::OverflowError,
                message: "overflow converting long int to machine word".to_string(),
            });
        };
        let mag = (adj as i32).unsigned_abs();
        if mag & !0x30 != 0 || (pp == ZcmpOp::Push && adj > 0) || (pp != ZcmpOp::Push && adj < 0) {
            return Ok(false);
        }
        // The C hands the adjustment to an encoder that drops it: `spimm` is always 0.
        self.put(InlineInst::Zcmp {
            op: pp,
            rlist,
            spimm: 0,
        });
        Ok(true)
    }
}

const C_S0: CReg = match CReg::new(Reg::S0) {
    Some(r) => r,
    None => panic!("s0 is a compressed register"),
};
const U5_0: U5 = match U5::new(0) {
    Some(v) => v,
    None => panic!("0 fits"),
};
const CSR_0: Csr = match Csr::new(0) {
    Some(v) => v,
    None => panic!("0 fits"),
};
const REL21_0: Rel21 = match Rel21::new(0) {
    Some(v) => v,
    None => panic!("0 fits"),
};

/// An integer constant as `mp_obj_get_int` takes it: `Some(None)` when it does not fit 64 bits.
fn big_int(e: &crate::syntax::ast::Expr) -> Option<Option<i64>> {
    use num_traits::ToPrimitive;
    match &e.kind {
        crate::syntax::ast::ExprKind::Const(crate::syntax::ast::Constant::Int(i)) => {
            Some(i.to_i64())
        }
        _ => None,
    }
}

/// `extract_register_list`: the Zcmp `rlist` value of `{ra}`, `{ra, s0}`, `{ra, s0-sN}`.
fn zcmp_rlist(n: Node<'_>, src: &[u8]) -> Option<u8> {
    const RA: u32 = 1;
    const S0: u32 = 8;
    const S1: u32 = 9;
    const S2: u32 = 18;
    const S10: u32 = 26;
    const S11: u32 = 27;
    match args::zcmp_list(n, src)? {
        ZcmpList::Ra(ra) => (register(ra)? == RA).then_some(4),
        ZcmpList::RaS0(ra, s0) => (register(ra)? == RA && register(s0)? == S0).then_some(5),
        ZcmpList::RaRange(ra, s0, end) => {
            if register(ra)? != RA || register(s0)? != S0 {
                return None;
            }
            match register(end)? {
                S10 => None,
                S1 => Some(6),
                r @ S2..=S11 => Some((7 + r.min(S10) - S2) as u8),
                _ => None,
            }
        }
    }
}

impl Isa for InlineRv32 {
    fn base(&self) -> &CodeBuffer {
        self.asm.base()
    }

    fn base_mut(&mut self) -> &mut CodeBuffer {
        self.asm.base_mut()
    }

    /// No prologue: the function is a leaf called with the C ABI.
    fn entry(&mut self) {}

    /// `c.jr ra`.
    fn exit(&mut self) {
        self.put_base(Inst::CJr(Reg::Ra));
    }

    /// `emit_inline_rv32_count_params`: up to four parameters named `a0`..`a3` (or `x10`..`x13`).
    fn count_params(&mut self, sh: &mut Shared, params: &[Node<'_>]) -> u32 {
        if params.len() > 4 {
            sh.error("can only have up to 4 parameters for RV32 assembly");
            return 0;
        }
        for (i, p) in params.iter().enumerate() {
            if register(*p) != Some(10 + i as u32) {
                sh.error("parameters must be registers in sequence a0 to a3");
                return 0;
            }
        }
        params.len() as u32
    }

    /// `emit_inline_rv32_opcode`.
    fn op(&mut self, sh: &mut Shared, op: &str, args: &[Node<'_>]) {
        let row = ROWS.iter().find(|r| r.name == op);
        if self.zcmp && row.is_none() && args.len() == 2 {
            match self.zcmp(sh, op, args[0], args[1]) {
                Ok(true) => return,
                Ok(false) => {}
                Err(r) => {
                    sh.raised = Some(r);
                    return;
                }
            }
        }
        let row = match row {
            Some(r) if !r.zba || self.zba => r,
            _ => {
                sh.error(format!("invalid RV32 instruction '{op}'"));
                return;
            }
        };
        if args.len() != row.nodes {
            sh.error(format!("opcode '{op}': expecting {} arguments", row.nodes));
            return;
        }
        let mut a = [0u64; 3];
        if row.nodes >= 1 {
            match self.serialise(sh, row, args[0], 0) {
                Some(v) => a[0] = v,
                None => return,
            }
        }
        if row.rir {
            match self.serialise_offset(sh, row, args[1]) {
                // `CALL_RIR` swaps the last two: (register, base, offset).
                Some((offset, base)) => {
                    a[1] = base;
                    a[2] = offset;
                }
                None => return,
            }
        } else {
            for i in 1..row.nodes {
                match self.serialise(sh, row, args[i], i) {
                    Some(v) => a[i] = v,
                    None => return,
                }
            }
        }
        self.write(row.op, a);
    }
}
