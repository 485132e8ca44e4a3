//! Replays mpy-cross's own `-march=debug` traces through the assemblers and compares with the machine code
//! mpy-cross wrote for every other `-march` (fixtures in `testdata/`, made by
//! `scripts/gen-asm-replay-fixtures.py`): x64, x86, the Thumb targets, armv6, xtensa, xtensawin and
//! rv32imc with and without `-march-flags=zba,zcmp`.
//!
//! The debug trace is the sequence of generic ops the 1.29 native emitter issued, so replaying it checks
//! everything below the emitter — instruction choices, frames, labels, short/long jumps, dead code,
//! constant tables — against real output, before our native emitter exists. The trace is valid for
//! another ISA only where `emitnative.c` takes the same path for both; the fixtures avoid the places
//! where it does not (viper pointer stores, immediate-index pointer loads, shifts on x64/x86), and keep
//! each viper function to one operation so register allocation cannot diverge (see below). Where the
//! emitter's path differs in a known, local way, the trace is rewritten the way the C `#if`s rewrite it
//! (each [`Target`] says how):
//! - x86: a function's own arguments come from the stack ([`x86_entry`]);
//! - every arch: `nlr_buf_t` has its own size (`SIZEOF_NLR_BUF` = 3 words for debug, 13 for x64, 9 for
//!   x86, 19 for Thumb/ARM, 13 xtensa, 20 xtensawin, 17 rv32), so in functions with the global exception
//!   handler every C-stack local from index 3 on moves up, except `LOCAL_IDX_EXC_HANDLER_PC`
//!   (`NLR_BUF_IDX_LOCAL_1`: 5 on debug and x86/x64, 3 Thumb/ARM, 8 xtensa, 6 xtensawin and rv32), which
//!   on debug collides with the code state and is recognised by the ops around it (see [`retarget`]);
//! - in generators, `emit_native_mov_reg_state_addr` computes `local * ASM_WORD_SIZE` as an immediate,
//!   and debug's word is 8 bytes, the others' 4;
//! - registers that are distinct on debug alias elsewhere (`REG_TEMP0` is `REG_RET`, ...), and the
//!   emitter never moves a register to itself, so such moves are dropped. Aliasing can also make the
//!   emitter spill a value earlier than on debug; the fixtures avoid code where that happens (a chain
//!   like `a + b + c` in viper, `yield from`), as it is the emitter's business, not the assembler's;
//! - Thumb calls `setup_code_state` through `r4` (`asm_thumb_bl_ind` directly);
//! - archs with `ASM_LOADn_REG_REG_REG` (all but x64/x86) load `p[i]` in one op ([`indexed_loads`]);
//! - xtensa has no `ASM_NOT_REG` ([`not_as_xor`]); xtensawin calls `setjmp` after `nlr_push`
//!   ([`nlr_setjmp`]) and has separate `REG_PARENT_*` registers ([`xtensawin_parents`]);
//! - rv32 stores `REG_ZERO` instead of clearing a register first ([`rv32_zero_stores`]), and its saved
//!   register set outlives each function ([`Target::carry`]).
//!
//! The emitter runs two compute passes before the emit pass (xtensa sizes its constant table, and rv32
//! its frame, from the previous pass), and so does the replay.
//!
//! The same parse, replayed through [`AsmDebug`], must print the trace back byte for byte.

use super::arm::{regs::Reg as ArmReg, AsmArm};
use super::debug::{AsmDebug, DebugReg};
use super::rv32::{regs::Reg as RvReg, AsmRv32};
use super::thumb::{self, inst::LdSt, regs::Reg as ThumbReg, AsmThumb};
use super::x64::{regs::R64, AsmX64};
use super::x86::{regs::R32, AsmX86};
use super::xtensa::{self, regs::Reg as XReg, AsmXtensaAbi};
use super::{Asm, CmpOp, Comparison, FunKind, Label, Pass};

/// One traced generic op.
#[derive(Clone, Debug)]
enum Op {
    Entry(String, usize),
    Exit,
    Label(Label),
    Jump(Label),
    JumpIfZero(DebugReg, Label, bool),
    JumpIfNonzero(DebugReg, Label, bool),
    JumpIfEq(DebugReg, DebugReg, Label),
    JumpReg(DebugReg),
    CallInd(FunKind),
    MovLocalReg(usize, DebugReg),
    MovRegImm(DebugReg, i64),
    MovRegLocal(DebugReg, usize),
    MovRegLocalAddr(DebugReg, usize),
    MovRegPcrel(DebugReg, Label),
    /// `asm_x86_mov_arg_to_r32`, which the debug trace cannot show (added by [`x86_entry`]).
    MovArg(usize, DebugReg),
    Unary(&'static str, DebugReg),
    Binary(&'static str, DebugReg, DebugReg),
    Offset(&'static str, DebugReg, DebugReg, i32),
    Setcc(usize, DebugReg, DebugReg, DebugReg),
    /// `ASM_LOAD{8,16,32}_REG_REG_REG(dest, base, index)` with `shift` = log2 of the size, which the
    /// debug trace shows as repeated `add`s then a load (added by [`indexed_loads`]).
    IndexedLoad(u32, DebugReg, DebugReg, DebugReg),
    /// xtensawin: the op with the register operands flagged true (first, second) naming this
    /// function's own argument/result registers (`REG_PARENT_*`), which `-march=debug` prints as the
    /// call registers (added by [`xtensawin_parents`]).
    Parent(Box<Op>, [bool; 2]),
    /// RV32: store the `zero` register in C-stack word `n` (added by [`rv32_zero_stores`]).
    StoreZero(usize),
}

/// A traced function: its ops, each flagged whether it was printed as dead code.
#[derive(Clone)]
struct Function {
    ops: Vec<(bool, Op)>,
}

fn reg(s: &str) -> DebugReg {
    const ALL: [DebugReg; 12] = [
        DebugReg::Ret,
        DebugReg::Arg1,
        DebugReg::Arg2,
        DebugReg::Arg3,
        DebugReg::Arg4,
        DebugReg::Temp0,
        DebugReg::Temp1,
        DebugReg::Temp2,
        DebugReg::Local1,
        DebugReg::Local2,
        DebugReg::Local3,
        DebugReg::FunTable,
    ];
    *ALL.iter()
        .find(|r| r.name() == s)
        .unwrap_or_else(|| panic!("register {s}"))
}

fn label(s: &str) -> Label {
    Label(
        s.strip_prefix("label_")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("label {s}")),
    )
}

fn local(s: &str) -> usize {
    s.strip_prefix("local_")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("local {s}"))
}

fn int(s: &str) -> i64 {
    s.parse().unwrap_or_else(|_| panic!("number {s}"))
}

/// Interns an op name (the `&'static str` kinds of [`Op`]).
fn name(s: &str) -> &'static str {
    const NAMES: [&str; 20] = [
        "not", "neg", "clr", "lsl", "lsr", "asr", "or", "xor", "and", "add", "sub", "mul", "load",
        "load8", "load16", "load32", "store", "store8", "store16", "store32",
    ];
    NAMES
        .iter()
        .find(|n| **n == s)
        .copied()
        .unwrap_or_else(|| panic!("op {s}"))
}

fn parse_op(text: &str) -> Op {
    let (op, rest) = text
        .split_once('(')
        .unwrap_or_else(|| panic!("line {text}"));
    let args: Vec<&str> = rest.strip_suffix(')').unwrap_or(rest).split(", ").collect();
    match (op, args.as_slice()) {
        ("EXIT", _) => Op::Exit,
        ("jump", [l]) => Op::Jump(label(l)),
        ("jump_if_reg_zero", [r, l, b]) => Op::JumpIfZero(reg(r), label(l), *b == "true"),
        ("jump_if_reg_nonzero", [r, l, b]) => Op::JumpIfNonzero(reg(r), label(l), *b == "true"),
        ("jump_if_reg_eq", [r1, r2, l]) => Op::JumpIfEq(reg(r1), reg(r2), label(l)),
        ("jump_reg", [r]) => Op::JumpReg(reg(r)),
        ("call_ind", [f]) => Op::CallInd(
            *FunKind::ALL
                .iter()
                .find(|k| k.debug_name() == *f)
                .unwrap_or_else(|| panic!("fun {f}")),
        ),
        ("mov_local_reg", [l, r]) => Op::MovLocalReg(local(l), reg(r)),
        ("mov_reg_imm", [r, v]) => Op::MovRegImm(reg(r), int(v.split('=').next().unwrap_or(v))),
        ("mov_reg_local", [r, l]) => Op::MovRegLocal(reg(r), local(l)),
        ("mov_reg_reg", [r1, r2]) => Op::Binary("mov", reg(r1), reg(r2)),
        ("mov_reg_local_addr", [r, l]) => Op::MovRegLocalAddr(reg(r), local(l)),
        ("mov_reg_pcrel", [r, l]) => Op::MovRegPcrel(reg(r), label(l)),
        ("setcc", [i, a, b, c]) => Op::Setcc(int(i) as usize, reg(a), reg(b), reg(c)),
        (op, [r]) => Op::Unary(name(op), reg(r)),
        (op, [r1, r2]) => Op::Binary(name(op), reg(r1), reg(r2)),
        (op, [r1, r2, n]) => Op::Offset(name(op), reg(r1), reg(r2), int(n) as i32),
        _ => panic!("unknown trace line {text}"),
    }
}

/// Splits a trace into functions.
fn parse(trace: &str) -> Vec<Function> {
    let mut out: Vec<Function> = Vec::new();
    for line in trace.lines() {
        if let Some(rest) = line.strip_prefix("ENTRY(") {
            let (fname, n) = rest
                .trim_end_matches(')')
                .split_once(", num_locals=")
                .expect("ENTRY line");
            out.push(Function {
                ops: vec![(false, Op::Entry(fname.to_string(), int(n) as usize))],
            });
            continue;
        }
        let f = out.last_mut().expect("trace starts with ENTRY");
        if let Some(l) = line.strip_prefix("label(") {
            f.ops
                .push((false, Op::Label(label(l.trim_end_matches(')')))));
            continue;
        }
        let text = line.trim_start();
        let (dead, text) = match text.strip_prefix("dead_code ") {
            Some(t) => (true, t),
            None => (false, text),
        };
        f.ops.push((dead, parse_op(text)));
    }
    out
}

/// `SIZEOF_NLR_BUF` of `-march=debug` in mpy-cross 1.29 (2 + `nlr_buf_num_regs` 0 + 1).
const DEBUG_NLR_BUF_WORDS: usize = 3;

/// Rewrites a debug trace for an arch whose `nlr_buf_t` is `nlr_words` long and whose registers are
/// `map`: shifts C-stack locals past the nlr_buf (in functions that have one), keeps the exception
/// handler PC slot (word 5) where it is, and drops moves between registers that alias.
fn retarget<R: PartialEq>(
    f: &Function,
    nlr_words: usize,
    exc_pc_local: usize,
    word: i64,
    map: impl Fn(DebugReg) -> R,
) -> Function {
    let has_nlr = f
        .ops
        .iter()
        .any(|(_, op)| matches!(op, Op::CallInd(FunKind::NlrPush)));
    let has_handlers = f
        .ops
        .iter()
        .any(|(_, op)| matches!(op, Op::JumpReg(DebugReg::Local1)));
    let delta = nlr_words - DEBUG_NLR_BUF_WORDS;
    let shift = |i: usize| {
        if has_nlr && i >= DEBUG_NLR_BUF_WORDS {
            i + delta
        } else {
            i
        }
    };
    let mut ops = Vec::new();
    let mut prev: Option<&Op> = None;
    for (k, (dead, op)) in f.ops.iter().enumerate() {
        let next = f.ops.get(k + 1).map(|(_, o)| o);
        // In a function with exception handlers, word 5 written right after a pcrel/clr of the same
        // register, or read back into REG_LOCAL_1 by the global handler, is the handler PC.
        let handler_pc = |r: DebugReg| {
            has_handlers
                && matches!(prev, Some(Op::MovRegPcrel(p, _)) | Some(Op::Unary("clr", p)) if *p == r)
        };
        let new = match op {
            Op::Entry(name, n) => Some(Op::Entry(
                name.clone(),
                if has_nlr { n + delta } else { *n },
            )),
            Op::MovLocalReg(5, r) if handler_pc(*r) => Some(Op::MovLocalReg(exc_pc_local, *r)),
            Op::MovRegLocal(DebugReg::Local1, 5) if has_handlers => {
                Some(Op::MovRegLocal(DebugReg::Local1, exc_pc_local))
            }
            Op::MovLocalReg(n, r) => Some(Op::MovLocalReg(shift(*n), *r)),
            Op::MovRegLocal(r, n) => Some(Op::MovRegLocal(*r, shift(*n))),
            Op::MovRegLocalAddr(r, n) => Some(Op::MovRegLocalAddr(*r, shift(*n))),
            Op::Binary("mov", x, y) if map(*x) == map(*y) => None,
            Op::MovRegImm(r, v) if matches!(next, Some(Op::Binary("add", d, DebugReg::Local2)) if d == r) => {
                Some(Op::MovRegImm(*r, v / 8 * word))
            }
            other => Some(other.clone()),
        };
        if let Some(new) = new {
            ops.push((*dead, new));
        }
        prev = Some(op);
    }
    Function { ops }
}

fn comparison(idx: usize) -> Comparison {
    const OPS: [CmpOp; 6] = [
        CmpOp::Less,
        CmpOp::More,
        CmpOp::Equal,
        CmpOp::LessEqual,
        CmpOp::MoreEqual,
        CmpOp::NotEqual,
    ];
    Comparison {
        op: OPS[idx % 6],
        signed: idx >= 6,
    }
}

/// Rewrites the entry of a traced function the way `#if N_X86` does in `emit_native_start_pass`:
/// - plain native: the four arguments are fetched right after `ASM_ENTRY`;
/// - viper: argument 0 right after `ASM_ENTRY`, and arguments 1..3 instead of the three moves from
///   `REG_PARENT_ARG_2..4`;
/// - generator: argument 0 into `REG_GENERATOR_STATE` instead of the move from `REG_PARENT_ARG_1`, and
///   argument 1 before it is stored as the throw value.
fn x86_entry(f: &Function, kind: &str) -> Function {
    use DebugReg::{Arg1, Arg2, Arg3, Arg4, Local2};
    let mut ops = Vec::new();
    let mut i = 0;
    let src = &f.ops;
    while i < src.len() {
        let (dead, op) = &src[i];
        let next = |k: usize| src.get(i + k).map(|(_, o)| o);
        match (kind, op) {
            ("native", Op::Entry(..)) => {
                ops.push((*dead, op.clone()));
                for (n, r) in [Arg1, Arg2, Arg3, Arg4].into_iter().enumerate() {
                    ops.push((false, Op::MovArg(n, r)));
                }
            }
            ("viper", Op::Entry(..)) => {
                ops.push((*dead, op.clone()));
                ops.push((false, Op::MovArg(0, Arg1)));
            }
            ("viper", Op::Binary("mov", Arg1, Arg2))
                if matches!(next(1), Some(Op::Binary("mov", Arg2, Arg3)))
                    && matches!(next(2), Some(Op::Binary("mov", Local2, Arg4))) =>
            {
                ops.extend([
                    (false, Op::MovArg(1, Arg1)),
                    (false, Op::MovArg(2, Arg2)),
                    (false, Op::MovArg(3, Local2)),
                ]);
                i += 3;
                continue;
            }
            ("generator", Op::Binary("mov", Local2, Arg1)) if i == 1 => {
                ops.push((false, Op::MovArg(0, Local2)));
                if matches!(next(1), Some(Op::MovLocalReg(_, Arg2))) {
                    ops.push((false, Op::MovArg(1, Arg2)));
                }
            }
            _ => ops.push((*dead, op.clone())),
        }
        i += 1;
    }
    Function { ops }
}

/// For archs whose header defines `ASM_LOADn_REG_REG_REG` (`emit_native_load_subscr` then uses it
/// instead of adding the index to the base `1 << n` times): `add(r_arg1, i)` × 1, 2 or 4 followed by
/// `loadN(r_ret, r_arg1)` becomes one [`Op::IndexedLoad`].
fn indexed_loads(f: &Function) -> Function {
    let mut ops: Vec<(bool, Op)> = Vec::new();
    for (dead, op) in &f.ops {
        let shift = match op {
            Op::Binary("load8", DebugReg::Ret, DebugReg::Arg1) => Some(0),
            Op::Binary("load16", DebugReg::Ret, DebugReg::Arg1) => Some(1),
            Op::Binary("load32", DebugReg::Ret, DebugReg::Arg1) => Some(2),
            _ => None,
        };
        if let Some(shift) = shift {
            let n = 1usize << shift;
            let adds: Vec<DebugReg> = ops
                .iter()
                .rev()
                .take(n)
                .filter_map(|(_, o)| match o {
                    Op::Binary("add", DebugReg::Arg1, i) => Some(*i),
                    _ => None,
                })
                .collect();
            if adds.len() == n && adds.iter().all(|i| *i == adds[0]) {
                ops.truncate(ops.len() - n);
                ops.push((
                    *dead,
                    Op::IndexedLoad(shift, DebugReg::Ret, DebugReg::Arg1, adds[0]),
                ));
                continue;
            }
        }
        ops.push((*dead, op.clone()));
    }
    Function { ops }
}

/// Applies one op.
fn apply<A: Asm>(a: &mut A, op: &Op, r: &impl Fn(DebugReg) -> A::Reg) {
    match op {
        Op::Entry(name, n) => a.entry(*n, name),
        Op::MovArg(n, x) => a.mov_arg_to_reg(*n, r(*x)),
        Op::Exit => a.exit(),
        Op::Label(l) => a.label_assign(*l),
        Op::Jump(l) => a.jump(*l),
        Op::JumpIfZero(x, l, b) => a.jump_if_reg_zero(r(*x), *l, *b),
        Op::JumpIfNonzero(x, l, b) => a.jump_if_reg_nonzero(r(*x), *l, *b),
        Op::JumpIfEq(x, y, l) => a.jump_if_reg_eq(r(*x), r(*y), *l),
        Op::JumpReg(x) => a.jump_reg(r(*x)),
        Op::CallInd(f) => a.call_ind(*f),
        Op::MovLocalReg(n, x) => a.mov_local_reg(*n, r(*x)),
        Op::MovRegImm(x, v) => a.mov_reg_imm(r(*x), *v),
        Op::MovRegLocal(x, n) => a.mov_reg_local(r(*x), *n),
        Op::MovRegLocalAddr(x, n) => a.mov_reg_local_addr(r(*x), *n),
        Op::MovRegPcrel(x, l) => a.mov_reg_pcrel(r(*x), *l),
        Op::Unary(op, x) => match *op {
            "not" => a.not_reg(r(*x)),
            "neg" => a.neg_reg(r(*x)),
            _ => a.clr_reg(r(*x)),
        },
        Op::Binary(op, x, y) => {
            let (x, y) = (r(*x), r(*y));
            match *op {
                "mov" => a.mov_reg_reg(x, y),
                "lsl" => a.lsl_reg_reg(x, y),
                "lsr" => a.lsr_reg_reg(x, y),
                "asr" => a.asr_reg_reg(x, y),
                "or" => a.or_reg_reg(x, y),
                "xor" => a.xor_reg_reg(x, y),
                "and" => a.and_reg_reg(x, y),
                "add" => a.add_reg_reg(x, y),
                "sub" => a.sub_reg_reg(x, y),
                "mul" => a.mul_reg_reg(x, y),
                "load8" => a.load8_reg_reg(x, y),
                "load16" => a.load16_reg_reg(x, y),
                "load32" => a.load32_reg_reg(x, y),
                "store8" => a.store8_reg_reg(x, y),
                "store16" => a.store16_reg_reg(x, y),
                "store32" => a.store32_reg_reg(x, y),
                other => panic!("two-register {other}"),
            }
        }
        Op::Offset(op, x, y, n) => match *op {
            "load" => a.load_reg_reg_offset(r(*x), r(*y), *n),
            "load16" => a.load16_reg_reg_offset(r(*x), r(*y), *n),
            "store" => a.store_reg_reg_offset(r(*x), r(*y), *n),
            other => panic!("offset form {other}"),
        },
        Op::Setcc(i, d, x, y) => a.setcc_reg_reg_reg(comparison(*i), r(*d), r(*x), r(*y)),
        Op::IndexedLoad(..) | Op::Parent(..) | Op::StoreZero(_) => {
            panic!("{op:?} needs the arch's special handler")
        }
    }
}

/// Runs one function through a compute pass and an emit pass, as the native emitter does. `special`
/// may take over an op the arch's emitter handles in its own way (returning true).
fn assemble<A: Asm>(
    f: &Function,
    r: &impl Fn(DebugReg) -> A::Reg,
    special: &impl Fn(&mut A, &Op) -> bool,
    init: impl FnOnce(&mut A),
) -> A {
    let max_label = f
        .ops
        .iter()
        .filter_map(|(_, op)| match op {
            Op::Label(l) => Some(l.0),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let mut a = A::new(max_label + 1);
    init(&mut a);
    a.base_mut().set_listing(true);
    // Two compute passes, like the native emitter (`MP_PASS_STACK_SIZE`, `MP_PASS_CODE_SIZE`): Xtensa
    // sizes its constant table from the previous pass.
    for pass in [Pass::Compute, Pass::Compute, Pass::Emit] {
        a.start_pass(pass);
        let mut dead = false;
        for (is_dead, op) in &f.ops {
            if *is_dead && !dead {
                a.suppress_code();
            }
            dead = *is_dead;
            if !special(&mut a, op) {
                apply(&mut a, op, r);
            }
        }
        a.end_pass();
    }
    a
}

/// No arch-specific ops.
fn no_special<A>(_: &mut A, _: &Op) -> bool {
    false
}

fn x64_reg(r: DebugReg) -> R64 {
    match r {
        DebugReg::Ret | DebugReg::Temp0 => AsmX64::REG_RET,
        DebugReg::Arg1 | DebugReg::Temp1 => AsmX64::REG_ARG_1,
        DebugReg::Arg2 | DebugReg::Temp2 => AsmX64::REG_ARG_2,
        DebugReg::Arg3 => AsmX64::REG_ARG_3,
        DebugReg::Arg4 => AsmX64::REG_ARG_4,
        DebugReg::Local1 => AsmX64::REG_LOCAL_1,
        DebugReg::Local2 => AsmX64::REG_LOCAL_2,
        DebugReg::Local3 => AsmX64::REG_LOCAL_3,
        DebugReg::FunTable => AsmX64::REG_FUN_TABLE,
    }
}

fn x86_reg(r: DebugReg) -> R32 {
    match r {
        DebugReg::Ret | DebugReg::Temp0 | DebugReg::Arg1 => R32::Eax,
        DebugReg::Arg2 | DebugReg::Temp1 => R32::Ecx,
        DebugReg::Arg3 | DebugReg::Temp2 => R32::Edx,
        DebugReg::Arg4 | DebugReg::Local1 => R32::Ebx,
        DebugReg::Local2 => R32::Esi,
        DebugReg::Local3 => R32::Edi,
        DebugReg::FunTable => R32::Ebp,
    }
}

/// `(kind, bytes)` per line of a `.hex` fixture.
fn expected(hex: &str) -> Vec<(&str, Vec<u8>)> {
    hex.lines()
        .map(|l| {
            let (kind, h) = l.split_once(' ').expect("kind hex");
            let bytes = (0..h.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&h[i..i + 2], 16).expect("hex"))
                .collect();
            (kind, bytes)
        })
        .collect()
}

/// Compares; on a mismatch returns a report with our listing around the first differing byte.
fn check<A: Asm>(what: &str, a: &A, want: &[u8]) -> Result<(), String> {
    if let Some(e) = a.base().error() {
        return Err(format!("{what}: assembler error {e}"));
    }
    let got = a.base().code();
    if got == want {
        return Ok(());
    }
    let at = got
        .iter()
        .zip(want)
        .position(|(x, y)| x != y)
        .unwrap_or(got.len().min(want.len()));
    let full = std::env::var_os("REPLAY_FULL_LISTING").is_some();
    let listing: Vec<String> = a
        .base()
        .listing()
        .iter()
        .filter(|l| full || (l.offset + 24 >= at && l.offset <= at + 16))
        .map(|l| format!("{:5x}: {:<24} {}", l.offset, hex(&l.bytes), l.text))
        .collect();
    Err(format!(
        "{what}: {} bytes, mpy-cross {}; first difference at {at:#x}\nours:      {}\nmpy-cross: {}\n{}",
        got.len(),
        want.len(),
        hex(&got[at.saturating_sub(4)..(at + 12).min(got.len())]),
        hex(&want[at.saturating_sub(4)..(at + 12).min(want.len())]),
        listing.join("\n")
    ))
}

fn hex(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("{x:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Replays every function on x64; returns how many matched, failing with all reports otherwise.
fn replay_x64(trace: &str, hex: &str) -> usize {
    let functions = parse(trace);
    let want = expected(hex);
    assert_eq!(functions.len(), want.len(), "functions in trace vs .mpy");
    let reports: Vec<String> = functions
        .iter()
        .zip(&want)
        .enumerate()
        .filter_map(|(i, (f, (_, code)))| {
            let a: AsmX64 = assemble(
                &retarget(f, 13, 5, 8, x64_reg),
                &x64_reg,
                &no_special,
                |_| {},
            );
            check(&format!("x64 function {i}"), &a, code).err()
        })
        .collect();
    assert!(reports.is_empty(), "{}", reports.join("\n\n"));
    functions.len()
}

/// Replays every function on x86, with the x86 entry sequence; returns how many matched.
fn replay_x86(trace: &str, hex: &str) -> usize {
    let functions = parse(trace);
    let want = expected(hex);
    assert_eq!(functions.len(), want.len(), "functions in trace vs .mpy");
    let reports: Vec<String> = functions
        .iter()
        .zip(&want)
        .enumerate()
        .filter_map(|(i, (f, (kind, code)))| {
            let a: AsmX86 = assemble(
                &retarget(&x86_entry(f, kind), 9, 5, 4, x86_reg),
                &x86_reg,
                &no_special,
                |_| {},
            );
            check(&format!("x86 function {i} ({kind})"), &a, code).err()
        })
        .collect();
    assert!(reports.is_empty(), "{}", reports.join("\n\n"));
    functions.len()
}

/// How one arch's emitter differs from `-march=debug` where the replay must follow it.
struct Target<A: Asm> {
    /// `SIZEOF_NLR_BUF` in words (`2 + nlr_buf_num_regs + 1`).
    nlr_words: usize,
    /// `NLR_BUF_IDX_LOCAL_1`: the C-stack word holding the exception handler's PC.
    exc_pc_local: usize,
    /// The debug registers as this arch's.
    reg: fn(DebugReg) -> A::Reg,
    /// Ops the arch's emitter issues differently (true if handled).
    special: fn(&mut A, &Op) -> bool,
    /// Rewrites a traced function (given its kind) into what this arch's emitter issues.
    rewrite: fn(&Function, &str) -> Function,
    /// A rewrite applied after [`retarget`] (which must not see it).
    post: fn(&Function, &str) -> Function,
    /// State the C assembler keeps from one function to the next (it is allocated once per file).
    carry: fn(&A, &mut A),
}

/// Replays every function through `A`; returns how many matched, failing with all reports otherwise.
fn replay<A: Asm>(t: &Target<A>, trace: &str, hex: &str) -> usize {
    let functions = parse(trace);
    let want = expected(hex);
    assert_eq!(functions.len(), want.len(), "functions in trace vs .mpy");
    let word = A::WORD_SIZE as i64;
    let mut reports: Vec<String> = Vec::new();
    let mut prev: Option<A> = None;
    for (i, (f, (kind, code))) in functions.iter().zip(&want).enumerate() {
        let f = retarget(
            &(t.rewrite)(f, kind),
            t.nlr_words,
            t.exc_pc_local,
            word,
            t.reg,
        );
        let f = (t.post)(&f, kind);
        let a: A = assemble(&f, &t.reg, &t.special, |a| {
            if let Some(p) = &prev {
                (t.carry)(p, a);
            }
        });
        if let Err(e) = check(&format!("{} function {i} ({kind})", A::ARCH), &a, code) {
            reports.push(e);
        }
        prev = Some(a);
    }
    assert!(reports.is_empty(), "{}", reports.join("\n\n"));
    functions.len()
}

fn thumb_reg(r: DebugReg) -> ThumbReg {
    match r {
        DebugReg::Ret | DebugReg::Temp0 | DebugReg::Arg1 => ThumbReg::R0,
        DebugReg::Arg2 | DebugReg::Temp1 => ThumbReg::R1,
        DebugReg::Arg3 | DebugReg::Temp2 => ThumbReg::R2,
        DebugReg::Arg4 => ThumbReg::R3,
        DebugReg::Local1 => ThumbReg::R4,
        DebugReg::Local2 => ThumbReg::R5,
        DebugReg::Local3 => ThumbReg::R6,
        DebugReg::FunTable => ThumbReg::R7,
    }
}

/// `emit_native_start_pass` calls `setup_code_state` through `r4` on Thumb (`r0..r3` hold its
/// arguments), with `asm_thumb_bl_ind` directly.
fn thumb_special<V: thumb::Variant>(a: &mut AsmThumb<V>, op: &Op) -> bool {
    match op {
        Op::CallInd(FunKind::SetupCodeState) => {
            a.bl_ind(FunKind::SetupCodeState, ThumbReg::R4);
            true
        }
        Op::IndexedLoad(shift, d, b, i) => {
            let size = [LdSt::Ldrb, LdSt::Ldrh, LdSt::Ldr][*shift as usize];
            a.load_reg_reg_reg(size, thumb_reg(*d), thumb_reg(*b), thumb_reg(*i));
            true
        }
        _ => false,
    }
}

/// Thumb: `nlr_buf_num_regs` is 16 (`MICROPY_NLR_NUM_REGS_ARM_THUMB_FP`), `r4` is nlr word 3.
fn thumb_target<V: thumb::Variant>() -> Target<AsmThumb<V>> {
    Target {
        nlr_words: 19,
        exc_pc_local: 3,
        reg: thumb_reg,
        special: thumb_special::<V>,
        rewrite: |f, _| indexed_loads(f),
        post: |f, _| f.clone(),
        carry: |_, _| {},
    }
}

fn arm_reg(r: DebugReg) -> ArmReg {
    ArmReg::ALL[thumb_reg(r) as usize]
}

/// ARM: indexed loads use `ASM_LOADn_REG_REG_REG`.
fn arm_special(a: &mut AsmArm, op: &Op) -> bool {
    match op {
        Op::IndexedLoad(shift, d, b, i) => {
            a.ldst_reg_reg_reg(true, *shift, arm_reg(*d), arm_reg(*b), arm_reg(*i));
            true
        }
        _ => false,
    }
}

/// ARM: the same `nlr_buf_t` and registers as Thumb.
fn arm_target() -> Target<AsmArm> {
    Target {
        nlr_words: 19,
        exc_pc_local: 3,
        reg: arm_reg,
        special: arm_special,
        rewrite: |f, _| indexed_loads(f),
        post: |f, _| f.clone(),
        carry: |_, _| {},
    }
}

/// For archs without `ASM_NOT_REG`, `emit_native_unary_op` inverts with `ASM_MOV_REG_IMM(REG_ARG_2, -1)`
/// and `ASM_XOR_REG_REG`.
fn not_as_xor(f: &Function) -> Function {
    let mut ops = Vec::new();
    for (dead, op) in &f.ops {
        match op {
            Op::Unary("not", r) => {
                ops.push((*dead, Op::MovRegImm(DebugReg::Arg2, -1)));
                ops.push((*dead, Op::Binary("xor", *r, DebugReg::Arg2)));
            }
            _ => ops.push((*dead, op.clone())),
        }
    }
    Function { ops }
}

fn xtensa_reg(r: DebugReg) -> XReg {
    match r {
        DebugReg::Ret | DebugReg::Temp0 | DebugReg::Arg1 => XReg::A2,
        DebugReg::Arg2 | DebugReg::Temp1 => XReg::A3,
        DebugReg::Arg3 | DebugReg::Temp2 => XReg::A4,
        DebugReg::Arg4 => XReg::A5,
        DebugReg::Local1 => XReg::A12,
        DebugReg::Local2 => XReg::A13,
        DebugReg::Local3 => XReg::A14,
        DebugReg::FunTable => XReg::A15,
    }
}

/// Xtensa: indexed loads use `ASM_LOADn_REG_REG_REG`.
fn xtensa_special<V: xtensa::Abi>(
    reg: fn(DebugReg) -> XReg,
) -> impl Fn(&mut AsmXtensaAbi<V>, &Op) -> bool {
    move |a, op| match op {
        Op::IndexedLoad(shift, d, b, i) => {
            a.ldst_reg_reg_reg(true, *shift, reg(*d), reg(*b), reg(*i));
            true
        }
        _ => false,
    }
}

/// Xtensa call0: `nlr_buf_num_regs` 10 (`MICROPY_NLR_NUM_REGS_XTENSA`), `a12` is nlr word 8.
fn xtensa_target() -> Target<AsmXtensaAbi<xtensa::Call0>> {
    Target {
        nlr_words: 13,
        exc_pc_local: 8,
        reg: xtensa_reg,
        special: |a, op| xtensa_special::<xtensa::Call0>(xtensa_reg)(a, op),
        rewrite: |f, _| indexed_loads(&not_as_xor(f)),
        post: |f, _| f.clone(),
        carry: |_, _| {},
    }
}

fn xtensawin_reg(r: DebugReg) -> XReg {
    match r {
        DebugReg::Ret | DebugReg::Temp0 | DebugReg::Arg1 => XReg::A10,
        DebugReg::Arg2 | DebugReg::Temp1 => XReg::A11,
        DebugReg::Arg3 | DebugReg::Temp2 => XReg::A12,
        DebugReg::Arg4 => XReg::A13,
        DebugReg::Local1 => XReg::A4,
        DebugReg::Local2 => XReg::A5,
        DebugReg::Local3 => XReg::A6,
        DebugReg::FunTable => XReg::A7,
    }
}

/// `REG_PARENT_RET`, `REG_PARENT_ARG_1..4` of xtensawin: `a2..a5`.
fn xtensawin_parent(r: DebugReg) -> XReg {
    match r {
        DebugReg::Arg2 => XReg::A3,
        DebugReg::Arg3 => XReg::A4,
        DebugReg::Arg4 => XReg::A5,
        _ => XReg::A2,
    }
}

/// `#if N_NLR_SETJMP` (xtensawin): every `nlr_push` is followed by `setjmp` on the nlr_buf's jmp_buf
/// (`ASM_MOV_REG_LOCAL_ADDR(REG_ARG_1, 2)`).
fn nlr_setjmp(f: &Function) -> Function {
    let mut ops = Vec::new();
    for (dead, op) in &f.ops {
        ops.push((*dead, op.clone()));
        if matches!(op, Op::CallInd(FunKind::NlrPush)) {
            ops.push((*dead, Op::MovRegLocalAddr(DebugReg::Arg1, 2)));
            ops.push((*dead, Op::CallInd(FunKind::Setjmp)));
        }
    }
    Function { ops }
}

/// xtensawin's `REG_PARENT_*` uses in `emit_native_start_pass` and the return path: the first load
/// of the function object, its store into the frame, the argument moves of a viper entry or a
/// generator, the three argument moves before `setup_code_state` (`#if REG_ARG_2 !=
/// REG_PARENT_ARG_2`), the return value (popped into `REG_PARENT_RET` before each jump to the exit
/// label), and its reload from the frame before `ASM_EXIT` in functions with an exception handler.
fn xtensawin_parents(f: &Function, kind: &str) -> Function {
    use DebugReg::{Arg1, Arg2, Arg3, Arg4, FunTable, Local2, Ret};
    let parent = |op: &Op, flags: [bool; 2]| Op::Parent(Box::new(op.clone()), flags);
    // `emit->exit_label` is the first label the emitter allocates.
    let exit_label = Some(Label(0));
    let has_nlr = f
        .ops
        .iter()
        .any(|(_, op)| matches!(op, Op::CallInd(FunKind::NlrPush)));
    let mut ops: Vec<(bool, Op)> = Vec::new();
    let src = &f.ops;
    for (i, (dead, op)) in src.iter().enumerate() {
        let prev = |k: usize| i.checked_sub(k).and_then(|j| src.get(j)).map(|(_, o)| o);
        let new = match op {
            Op::Offset("load", FunTable, Arg1, _) if i == 1 => parent(op, [false, true]),
            Op::Binary("mov", Local2, Arg1) if i == 1 && kind == "generator" => {
                parent(op, [false, true])
            }
            Op::MovLocalReg(_, Arg2) if i == 2 && kind == "generator" => parent(op, [true, false]),
            Op::MovLocalReg(_, Arg1) if i == 5 => parent(op, [true, false]),
            Op::Binary("mov", Arg1, Arg2) | Op::Binary("mov", Arg2, Arg3)
                if kind == "viper" && i < 8 =>
            {
                parent(op, [false, true])
            }
            Op::Binary("mov", Local2, Arg4)
                if kind == "viper" && matches!(prev(1), Some(Op::Binary("mov", Arg2, Arg3))) =>
            {
                parent(op, [false, true])
            }
            Op::CallInd(FunKind::SetupCodeState) => {
                for r in [Arg2, Arg3, Arg4] {
                    ops.push((*dead, parent(&Op::Binary("mov", r, r), [false, true])));
                }
                op.clone()
            }
            op if writes_ret(op) && matches!(src.get(i + 1), Some((_, Op::Exit))) => {
                parent(op, [true, false])
            }
            // With the global exception handler the value is stored in LOCAL_IDX_RET_VAL (word
            // SIZEOF_NLR_BUF); without, it is left in the register and the exit label jumped to.
            Op::MovLocalReg(XTENSAWIN_NLR_WORDS, Ret) if has_nlr => {
                return_value_to_parent(&mut ops, *dead);
                parent(op, [true, false])
            }
            Op::Jump(l) if !has_nlr && Some(*l) == exit_label => {
                return_value_to_parent(&mut ops, *dead);
                op.clone()
            }
            _ => op.clone(),
        };
        ops.push((*dead, new));
    }
    Function { ops }
}

/// `SIZEOF_NLR_BUF` of xtensawin in words.
const XTENSAWIN_NLR_WORDS: usize = 20;

/// `emit_native_return_value` pops the value into `REG_PARENT_RET`: the op that produced it (last in
/// `ops`) targets a2 instead, or a value already in `REG_RET` (a call's result) is moved there.
fn return_value_to_parent(ops: &mut Vec<(bool, Op)>, dead: bool) {
    let parent = |op: &Op| Op::Parent(Box::new(op.clone()), [true, false]);
    match ops.last().cloned() {
        Some((d, p)) if writes_ret(&p) => {
            let n = ops.len();
            ops[n - 1] = (d, parent(&p));
        }
        _ => ops.push((
            dead,
            parent(&Op::Binary("mov", DebugReg::Ret, DebugReg::Ret)),
        )),
    }
}

/// Whether `op` writes `r_ret` as its destination (and could target another register instead).
fn writes_ret(op: &Op) -> bool {
    matches!(
        op,
        Op::Binary("mov", DebugReg::Ret, _)
            | Op::Offset("load", DebugReg::Ret, _, _)
            | Op::MovRegImm(DebugReg::Ret, _)
            | Op::MovRegLocal(DebugReg::Ret, _)
    )
}

/// xtensawin: indexed loads, and the parent registers.
fn xtensawin_special(a: &mut AsmXtensaAbi<xtensa::Windowed>, op: &Op) -> bool {
    let Op::Parent(inner, flags) = op else {
        return xtensa_special::<xtensa::Windowed>(xtensawin_reg)(a, op);
    };
    let m = |r: DebugReg, p: bool| {
        if p {
            xtensawin_parent(r)
        } else {
            xtensawin_reg(r)
        }
    };
    match &**inner {
        Op::Binary("mov", x, y) => a.mov_reg_reg(m(*x, flags[0]), m(*y, flags[1])),
        Op::Offset("load", x, y, n) => {
            Asm::load_reg_reg_offset(a, m(*x, flags[0]), m(*y, flags[1]), *n)
        }
        Op::MovLocalReg(n, x) => a.mov_local_reg(*n, m(*x, flags[0])),
        Op::MovRegImm(x, v) => a.mov_reg_imm(m(*x, flags[0]), *v),
        Op::MovRegLocal(x, n) => a.mov_reg_local(m(*x, flags[0]), *n),
        other => panic!("parent registers in {other:?}"),
    }
    true
}

/// Xtensa windowed: `nlr_buf_num_regs` 17 (`MICROPY_NLR_NUM_REGS_XTENSAWIN`), `a4` is nlr word 6.
fn xtensawin_target() -> Target<AsmXtensaAbi<xtensa::Windowed>> {
    Target {
        nlr_words: 20,
        exc_pc_local: 6,
        reg: xtensawin_reg,
        special: xtensawin_special,
        rewrite: |f, _| nlr_setjmp(&indexed_loads(&not_as_xor(f))),
        post: xtensawin_parents,
        carry: |_, _| {},
    }
}

fn rv32_reg(r: DebugReg) -> RvReg {
    match r {
        DebugReg::Ret | DebugReg::Arg1 => RvReg::A0,
        DebugReg::Arg2 => RvReg::A1,
        DebugReg::Arg3 => RvReg::A2,
        DebugReg::Arg4 => RvReg::A3,
        DebugReg::Temp0 => RvReg::A4,
        DebugReg::Temp1 => RvReg::A5,
        DebugReg::Temp2 => RvReg::A6,
        DebugReg::Local1 => RvReg::S3,
        DebugReg::Local2 => RvReg::S2,
        DebugReg::Local3 => RvReg::S4,
        DebugReg::FunTable => RvReg::S1,
    }
}

/// RV32 defines `REG_ZERO`, so where the emitter clears a register only to store it (the exception
/// handler setup clears `REG_TEMP0`, the generator's throw value `REG_ARG_2`: `ASM_CLR_REG` then
/// `ASM_MOV_LOCAL_REG`), it stores `zero` directly: those clears and the stores right after them
/// become [`Op::StoreZero`]. Other clears (of `REG_RET`, or of an argument) stay.
fn rv32_zero_stores(f: &Function) -> Function {
    let mut ops = Vec::new();
    // The register just cleared, and whether a store has used it.
    let mut cleared: Option<(DebugReg, bool)> = None;
    for (dead, op) in &f.ops {
        match op {
            Op::Unary("clr", r @ (DebugReg::Temp0 | DebugReg::Arg2)) => {
                cleared = Some((*r, false));
                continue;
            }
            Op::MovLocalReg(n, r) if cleared.map(|(c, _)| c) == Some(*r) => {
                ops.push((*dead, Op::StoreZero(*n)));
                cleared = Some((*r, true));
                continue;
            }
            _ => {
                if let Some((r, false)) = cleared.take() {
                    ops.push((*dead, Op::Unary("clr", r)));
                }
            }
        }
        ops.push((*dead, op.clone()));
    }
    Function { ops }
}

/// RV32: indexed loads use `ASM_LOADn_REG_REG_REG`.
fn rv32_special<const ZBA: bool, const ZCMP: bool>(a: &mut AsmRv32<ZBA, ZCMP>, op: &Op) -> bool {
    match op {
        Op::IndexedLoad(shift, d, b, i) => {
            a.ldst_reg_reg_reg(true, *shift, rv32_reg(*d), rv32_reg(*b), rv32_reg(*i));
            true
        }
        Op::StoreZero(n) => {
            a.mov_local_reg(*n, RvReg::Zero);
            true
        }
        _ => false,
    }
}

/// RV32: `nlr_buf_num_regs` 14 (`MICROPY_NLR_NUM_REGS_RV32I`), the handler PC is nlr word 6.
fn rv32_target<const ZBA: bool, const ZCMP: bool>() -> Target<AsmRv32<ZBA, ZCMP>> {
    Target {
        nlr_words: 17,
        exc_pc_local: 6,
        reg: rv32_reg,
        special: rv32_special::<ZBA, ZCMP>,
        rewrite: |f, _| indexed_loads(f),
        post: |f, _| rv32_zero_stores(f),
        carry: |prev, next| next.inherit_saved_registers(prev.saved_registers_mask()),
    }
}

/// Replaying through [`AsmDebug`] must reproduce the trace exactly.
fn round_trip_debug(trace: &str) {
    let mut out = String::new();
    for f in parse(trace) {
        let mut a: AsmDebug = assemble(&f, &|r| r, &no_special, |_| {});
        out.push_str(&a.take_trace());
        assert_eq!(a.base().error(), None);
    }
    assert_eq!(out, trace);
}

const NATIVE_TRACE: &str = include_str!("testdata/native.debug.txt");
const VIPER_TRACE: &str = include_str!("testdata/viper.debug.txt");
const WIDE_TRACE: &str = include_str!("testdata/wide.debug.txt");

#[test]
fn native_functions_match_mpy_cross_x64() {
    assert_eq!(
        replay_x64(NATIVE_TRACE, include_str!("testdata/native.x64.hex")),
        9
    );
}

#[test]
fn native_functions_match_mpy_cross_x86() {
    assert_eq!(
        replay_x86(NATIVE_TRACE, include_str!("testdata/native.x86.hex")),
        9
    );
}

#[test]
fn viper_functions_match_mpy_cross_x86() {
    assert_eq!(
        replay_x86(VIPER_TRACE, include_str!("testdata/viper.x86.hex")),
        27
    );
}

#[test]
fn viper_functions_match_mpy_cross_x64() {
    assert_eq!(
        replay_x64(VIPER_TRACE, include_str!("testdata/viper.x64.hex")),
        27
    );
}

macro_rules! replay_test {
    ($name:ident, $target:expr, $trace:expr, $hex:expr, $count:expr) => {
        #[test]
        fn $name() {
            assert_eq!(replay(&$target, $trace, include_str!($hex)), $count);
        }
    };
}

replay_test!(
    native_armv6m,
    thumb_target::<thumb::Armv6m>(),
    NATIVE_TRACE,
    "testdata/native.armv6m.hex",
    9
);
replay_test!(
    viper_armv6m,
    thumb_target::<thumb::Armv6m>(),
    VIPER_TRACE,
    "testdata/viper.armv6m.hex",
    27
);
replay_test!(
    native_armv7m,
    thumb_target::<thumb::Armv7m>(),
    NATIVE_TRACE,
    "testdata/native.armv7m.hex",
    9
);
replay_test!(
    viper_armv7m,
    thumb_target::<thumb::Armv7m>(),
    VIPER_TRACE,
    "testdata/viper.armv7m.hex",
    27
);
replay_test!(
    native_armv7emsp,
    thumb_target::<thumb::Armv7emsp>(),
    NATIVE_TRACE,
    "testdata/native.armv7emsp.hex",
    9
);
replay_test!(
    viper_armv7emsp,
    thumb_target::<thumb::Armv7emsp>(),
    VIPER_TRACE,
    "testdata/viper.armv7emsp.hex",
    27
);
replay_test!(
    wide_armv6m,
    thumb_target::<thumb::Armv6m>(),
    WIDE_TRACE,
    "testdata/wide.armv6m.hex",
    21
);
replay_test!(
    wide_armv7m,
    thumb_target::<thumb::Armv7m>(),
    WIDE_TRACE,
    "testdata/wide.armv7m.hex",
    21
);
replay_test!(
    native_armv7emdp,
    thumb_target::<thumb::Armv7emdp>(),
    NATIVE_TRACE,
    "testdata/native.armv7emdp.hex",
    9
);
replay_test!(
    viper_armv7emdp,
    thumb_target::<thumb::Armv7emdp>(),
    VIPER_TRACE,
    "testdata/viper.armv7emdp.hex",
    27
);

#[test]
fn debug_printer_reproduces_the_traces() {
    round_trip_debug(NATIVE_TRACE);
    round_trip_debug(VIPER_TRACE);
    round_trip_debug(WIDE_TRACE);
}

#[test]
fn fixtures_are_current() {
    crate::asm::testutil::check_replay_fixtures_current();
}

replay_test!(
    wide_armv7emsp,
    thumb_target::<thumb::Armv7emsp>(),
    WIDE_TRACE,
    "testdata/wide.armv7emsp.hex",
    21
);
replay_test!(
    wide_armv7emdp,
    thumb_target::<thumb::Armv7emdp>(),
    WIDE_TRACE,
    "testdata/wide.armv7emdp.hex",
    21
);
replay_test!(
    native_armv6,
    arm_target(),
    NATIVE_TRACE,
    "testdata/native.armv6.hex",
    9
);
replay_test!(
    viper_armv6,
    arm_target(),
    VIPER_TRACE,
    "testdata/viper.armv6.hex",
    27
);
replay_test!(
    wide_armv6,
    arm_target(),
    WIDE_TRACE,
    "testdata/wide.armv6.hex",
    21
);
replay_test!(
    native_xtensa,
    xtensa_target(),
    NATIVE_TRACE,
    "testdata/native.xtensa.hex",
    9
);
replay_test!(
    viper_xtensa,
    xtensa_target(),
    VIPER_TRACE,
    "testdata/viper.xtensa.hex",
    27
);
replay_test!(
    wide_xtensa,
    xtensa_target(),
    WIDE_TRACE,
    "testdata/wide.xtensa.hex",
    21
);
replay_test!(
    native_xtensawin,
    xtensawin_target(),
    NATIVE_TRACE,
    "testdata/native.xtensawin.hex",
    9
);
replay_test!(
    viper_xtensawin,
    xtensawin_target(),
    VIPER_TRACE,
    "testdata/viper.xtensawin.hex",
    27
);
replay_test!(
    wide_xtensawin,
    xtensawin_target(),
    WIDE_TRACE,
    "testdata/wide.xtensawin.hex",
    21
);
replay_test!(
    native_rv32imc,
    rv32_target::<false, false>(),
    NATIVE_TRACE,
    "testdata/native.rv32imc.hex",
    9
);
replay_test!(
    viper_rv32imc,
    rv32_target::<false, false>(),
    VIPER_TRACE,
    "testdata/viper.rv32imc.hex",
    27
);
replay_test!(
    wide_rv32imc,
    rv32_target::<false, false>(),
    WIDE_TRACE,
    "testdata/wide.rv32imc.hex",
    21
);
replay_test!(
    native_rv32imc_zba_zcmp,
    rv32_target::<true, true>(),
    NATIVE_TRACE,
    "testdata/native.rv32imc_zba_zcmp.hex",
    9
);
replay_test!(
    viper_rv32imc_zba_zcmp,
    rv32_target::<true, true>(),
    VIPER_TRACE,
    "testdata/viper.rv32imc_zba_zcmp.hex",
    27
);
replay_test!(
    wide_rv32imc_zba_zcmp,
    rv32_target::<true, true>(),
    WIDE_TRACE,
    "testdata/wide.rv32imc_zba_zcmp.hex",
    21
);
