//! Replays mpy-cross's own `-march=debug` traces through the assemblers and compares with the machine code
//! mpy-cross wrote for `-march=x64` / `-march=x86` (fixtures in `testdata/`, made by
//! `scripts/gen-asm-replay-fixtures.py`).
//!
//! The debug trace is the sequence of generic ops the 1.29 native emitter issued, so replaying it checks
//! everything below the emitter — instruction choices, frames, labels, short/near jumps, dead code — against
//! real output, before our native emitter exists. The trace is valid for another ISA only where
//! `emitnative.c` takes the same path for both; the fixtures avoid the places where it does not (shifts,
//! viper pointer stores, immediate-index pointer loads), and keep each viper function to one operation
//! so register allocation cannot diverge (see below). On x86 a function's own arguments come from the
//! stack, so [`x86_entry`] rewrites the entry sequence into the `asm_x86_mov_arg_to_r32` calls that the
//! `#if N_X86` branches of `emit_native_start_pass` make instead.
//!
//! Two more emitter facts must be applied to a debug trace before replaying it on x64/x86:
//! - mpy-cross sizes `nlr_buf_t` per arch (`SIZEOF_NLR_BUF` = 3 words for debug, 13 for x64, 9 for x86),
//!   so in functions with the global exception handler every C-stack local from index 3 on moves up,
//!   except `LOCAL_IDX_EXC_HANDLER_PC` (word 5 of the nlr_buf on every arch), which on debug collides
//!   with the code state and is recognised by the ops around it (see [`retarget`]);
//! - in generators, `emit_native_mov_reg_state_addr` computes `local * ASM_WORD_SIZE` as an immediate
//!   (then adds `REG_GENERATOR_STATE`), and debug's word is 8 bytes, x86's 4;
//! - registers that are distinct on debug alias on x64/x86 (`REG_TEMP0` is `REG_RET`, ...), and the
//!   emitter never moves a register to itself, so such moves are dropped. Aliasing can also make the
//!   emitter spill a value earlier on x64 than on debug; the fixtures avoid code where that happens
//!   (a chain like `a + b + c` in viper, `yield from`), as it is the emitter's business, not the
//!   assembler's.
//!
//! The same parse, replayed through [`AsmDebug`], must print the trace back byte for byte.

use super::debug::{AsmDebug, DebugReg};
use super::x64::{regs::R64, AsmX64};
use super::x86::{regs::R32, AsmX86};
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
}

/// A traced function: its ops, each flagged whether it was printed as dead code.
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
            Op::MovLocalReg(5, r) if handler_pc(*r) => Some(op.clone()),
            Op::MovRegLocal(DebugReg::Local1, 5) if has_handlers => Some(op.clone()),
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
    }
}

/// Runs one function through a compute pass and an emit pass, as the native emitter does.
fn assemble<A: Asm>(f: &Function, r: &impl Fn(DebugReg) -> A::Reg) -> A {
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
    a.base_mut().set_listing(true);
    for pass in [Pass::Compute, Pass::Emit] {
        a.start_pass(pass);
        let mut dead = false;
        for (is_dead, op) in &f.ops {
            if *is_dead && !dead {
                a.suppress_code();
            }
            dead = *is_dead;
            apply(&mut a, op, r);
        }
        a.end_pass();
    }
    a
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
    let listing: Vec<String> = a
        .base()
        .listing()
        .iter()
        .filter(|l| l.offset + 24 >= at && l.offset <= at + 16)
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
            let a: AsmX64 = assemble(&retarget(f, 13, 8, x64_reg), &x64_reg);
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
            let a: AsmX86 = assemble(&retarget(&x86_entry(f, kind), 9, 4, x86_reg), &x86_reg);
            check(&format!("x86 function {i} ({kind})"), &a, code).err()
        })
        .collect();
    assert!(reports.is_empty(), "{}", reports.join("\n\n"));
    functions.len()
}

/// Replaying through [`AsmDebug`] must reproduce the trace exactly.
fn round_trip_debug(trace: &str) {
    let mut out = String::new();
    for f in parse(trace) {
        let mut a: AsmDebug = assemble(&f, &|r| r);
        out.push_str(&a.take_trace());
        assert_eq!(a.base().error(), None);
    }
    assert_eq!(out, trace);
}

const NATIVE_TRACE: &str = include_str!("testdata/native.debug.txt");
const VIPER_TRACE: &str = include_str!("testdata/viper.debug.txt");

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

#[test]
fn debug_printer_reproduces_the_traces() {
    round_trip_debug(NATIVE_TRACE);
    round_trip_debug(VIPER_TRACE);
}

#[test]
fn fixtures_are_current() {
    crate::asm::testutil::check_replay_fixtures_current();
}
