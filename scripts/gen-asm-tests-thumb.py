#!/usr/bin/env python3
"""Generate the Thumb encoder test table from GNU as (`arm-none-eabi-as`, Debian `binutils-arm-none-eabi`).

For every instruction shape vm/src/asm/thumb can encode, this lists operand combinations (low and high
registers, immediate and offset boundaries, every condition), writes the unified-syntax text our printer
produces, assembles it with `arm-none-eabi-as -march=armv7-m`, and commits the bytes as a Rust table
(`vm/src/asm/thumb/encode_table.rs`) of (instruction, text, bytes) rows, so `cargo test` needs no
binutils. `ite <cc>` is only accepted with its two conditional instructions after it, so those are
assembled too and only its own two bytes kept.

Usage:
    scripts/gen-asm-tests-thumb.py            # rewrite the table
    scripts/gen-asm-tests-thumb.py --check    # exit 1 if the committed table differs (the assembler
                                              # version line is not compared)
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import asmgen  # noqa: E402
from asmgen import Case  # noqa: E402

OUT = os.path.join(asmgen.ROOT, "vm/src/asm/thumb/encode_table.rs")
AS = ["arm-none-eabi-as", "-march=armv7-m"]
PRELUDE = ".syntax unified\n.thumb\n.text\n"

NAMES = ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc"]
CCS = [("Eq", "eq"), ("Ne", "ne"), ("Cs", "cs"), ("Cc", "cc"), ("Mi", "mi"), ("Pl", "pl"), ("Vs", "vs"),
       ("Vc", "vc"), ("Hi", "hi"), ("Ls", "ls"), ("Ge", "ge"), ("Lt", "lt"), ("Gt", "gt"), ("Le", "le")]
ALU = [("And", "ands"), ("Eor", "eors"), ("Lsl", "lsls"), ("Lsr", "lsrs"), ("Asr", "asrs"), ("Neg", "negs"),
       ("Cmp", "cmp"), ("Orr", "orrs"), ("Mul", "muls"), ("Mvn", "mvns")]
LDST = [("Str", "str", 2), ("Strb", "strb", 0), ("Strh", "strh", 1), ("Ldr", "ldr", 2), ("Ldrb", "ldrb", 0),
        ("Ldrh", "ldrh", 1)]
LO_PAIRS = [(0, 0), (0, 7), (7, 0), (3, 5), (7, 7)]


def lo(i):
    return "Lo::R%d" % i


def reg(i):
    return "Reg::R%d" % i


def imm(kind, v):
    return "%s::clamped(%d)" % (kind, v)


def dot(v):
    return ".-%d" % -v if v < 0 else ".+%d" % v


def rlist(bits, extra):
    regs = [NAMES[i] for i in range(8) if bits & (1 << i)] + ([extra] if extra else [])
    return "{" + ", ".join(regs) + "}"


def cases():
    out = []
    add = lambda *a, **k: out.append(Case(*a, **k))
    add("Inst::Nop", "nop")
    for d, s in LO_PAIRS:
        for v in (0, 1, 8, 31):
            add("Inst::LslImm { rd: %s, rs: %s, imm: %s }" % (lo(d), lo(s), imm("U5", v)),
                "lsls %s, %s, #%d" % (NAMES[d], NAMES[s], v))
        for n in (0, 2, 7):
            add("Inst::AddReg { rd: %s, rs: %s, rn: %s }" % (lo(d), lo(s), lo(n)),
                "adds %s, %s, %s" % (NAMES[d], NAMES[s], NAMES[n]))
            add("Inst::SubReg { rd: %s, rs: %s, rn: %s }" % (lo(d), lo(s), lo(n)),
                "subs %s, %s, %s" % (NAMES[d], NAMES[s], NAMES[n]))
        for op, mn in ALU:
            text = "muls %s, %s, %s" % (NAMES[d], NAMES[s], NAMES[d]) if op == "Mul" else \
                "%s %s, %s" % (mn, NAMES[d], NAMES[s])
            add("Inst::Alu { op: AluOp::%s, rd: %s, rs: %s }" % (op, lo(d), lo(s)), text)
        add("Inst::Sxth { rd: %s, rs: %s }" % (lo(d), lo(s)), "sxth %s, %s" % (NAMES[d], NAMES[s]))
    for r in range(8):
        for v in (0, 1, 127, 255):
            add("Inst::MovImm { rd: %s, imm: %s }" % (lo(r), imm("U8", v)), "movs %s, #%d" % (NAMES[r], v))
            add("Inst::CmpImm { rd: %s, imm: %s }" % (lo(r), imm("U8", v)), "cmp %s, #%d" % (NAMES[r], v))
            add("Inst::AddImm { rd: %s, imm: %s }" % (lo(r), imm("U8", v)), "adds %s, #%d" % (NAMES[r], v))
        for w in (0, 1, 255):
            add("Inst::LdrPc { rd: %s, words: %s }" % (lo(r), imm("U8", w)), "ldr %s, [pc, #%d]" % (NAMES[r], 4 * w))
            add("Inst::StrSp { rt: %s, words: %s }" % (lo(r), imm("U8", w)), "str %s, [sp, #%d]" % (NAMES[r], 4 * w))
            add("Inst::LdrSp { rt: %s, words: %s }" % (lo(r), imm("U8", w)), "ldr %s, [sp, #%d]" % (NAMES[r], 4 * w))
            add("Inst::AddRegSp { rd: %s, words: %s }" % (lo(r), imm("U8", w)),
                "add %s, sp, #%d" % (NAMES[r], 4 * w))
    for d in (0, 1, 7, 8, 12, 13, 14):
        for s in (0, 1, 7, 8, 12, 13, 14):
            add("Inst::MovReg { rd: %s, rs: %s }" % (reg(d), reg(s)), "mov %s, %s" % (NAMES[d], NAMES[s]))
    for d in (0, 3, 7):
        add("Inst::AddHi { rd: %s, rs: Reg::R15 }" % reg(d), "add %s, pc" % NAMES[d])
    for d, s in ((15, 1), (15, 0), (8, 1), (1, 8), (12, 9)):
        add("Inst::AddHi { rd: %s, rs: %s }" % (reg(d), reg(s)), "add %s, %s" % (NAMES[d], NAMES[s]))
    for r in range(15):
        add("Inst::Bx(%s)" % reg(r), "bx %s" % NAMES[r])
        add("Inst::Blx(%s)" % reg(r), "blx %s" % NAMES[r])
    for op, mn, shift in LDST:
        for t, n in LO_PAIRS:
            for v in (0, 1, 31):
                add("Inst::LdStImm { op: LdSt::%s, rt: %s, rn: %s, imm: %s }" % (op, lo(t), lo(n), imm("U5", v)),
                    "%s %s, [%s, #%d]" % (mn, NAMES[t], NAMES[n], v << shift))
            for m in (0, 2, 7):
                add("Inst::LdStReg { op: LdSt::%s, rt: %s, rn: %s, rm: %s }" % (op, lo(t), lo(n), lo(m)),
                    "%s %s, [%s, %s]" % (mn, NAMES[t], NAMES[n], NAMES[m]))
        for t, n in ((0, 0), (0, 4), (8, 12), (3, 7), (12, 13)):
            for v in (0, 1, 301, 4095):
                add("Inst::LdStWide { op: LdSt::%s, rt: %s, rn: %s, imm: %s }" % (op, reg(t), reg(n), imm("U12", v)),
                    "%s.w %s, [%s, #%d]" % (mn, NAMES[t], NAMES[n], v))
    for v in (0, 1, 24, 127):
        add("Inst::AddSp(%s)" % imm("U7", v), "add sp, #%d" % (4 * v))
        add("Inst::SubSp(%s)" % imm("U7", v), "sub sp, #%d" % (4 * v))
    for v in (0, 512, 2044, 2047):
        for d, n in ((13, 13), (0, 1), (8, 12)):
            add("Inst::Addw { rd: %s, rn: %s, imm: %s }" % (reg(d), reg(n), imm("U11", v)),
                "addw %s, %s, #%d" % (NAMES[d], NAMES[n], v))
            add("Inst::Subw { rd: %s, rn: %s, imm: %s }" % (reg(d), reg(n), imm("U11", v)),
                "subw %s, %s, #%d" % (NAMES[d], NAMES[n], v))
    for bits in (0xf2, 0xfe, 0x01, 0x80, 0x10, 0xff):
        for extra in (False, True):
            add("Inst::Push { rlist: %#x, lr: %s }" % (bits, str(extra).lower()),
                "push %s" % rlist(bits, "lr" if extra else None))
            add("Inst::Pop { rlist: %#x, pc: %s }" % (bits, str(extra).lower()),
                "pop %s" % rlist(bits, "pc" if extra else None))
    for i, (cc, s) in enumerate(CCS):
        inv = CCS[i ^ 1][1]
        add("Inst::Ite(Cc::%s)" % cc, "ite %s" % s,
            as_text="ite %s\nmov%s r0, #1\nmov%s r0, #0" % (s, s, inv), take=2)
        for v in (-256, -4, 0, 2, 254):
            add("Inst::BccN { cc: Cc::%s, rel: %s }" % (cc, imm("Rel9", v)), "b%s.n %s" % (s, dot(v + 4)))
        for v in (-0x100000, -5452, -4, 0, 4096, 0x1540, 0x3fffe, 0xffffe):
            add("Inst::BccW { cc: Cc::%s, rel: %s }" % (cc, imm("Rel21", v)), "b%s.w %s" % (s, dot(v + 4)))
    for v in (-2048, -4, 0, 2, 2046):
        add("Inst::BN(%s)" % imm("Rel12", v), "b.n %s" % dot(v + 4))
    for v in (-0x400000, -0x1552, -4, 0, 0x1540, 0x3ffffe):
        add("Inst::BW(%s)" % imm("Rel23", v), "b.w %s" % dot(v + 4))
    for r in (0, 7, 8, 12):
        for v in (0, 1, 0xff, 0x100, 0x1234, 0x8000, 0xffff):
            add("Inst::Movw { rd: %s, imm: %#x }" % (reg(r), v), "movw %s, #%d" % (NAMES[r], v))
            add("Inst::Movt { rd: %s, imm: %#x }" % (reg(r), v), "movt %s, #%d" % (NAMES[r], v))
    for v in (0, 0x1234, 0xffff):
        add("Inst::Data16(%#x)" % v, ".short %#06x" % v)
    for v in (0, 0x12345678, 0xffffeaae):
        add("Inst::Data32(%#x)" % v, ".word %#010x" % v)
    return out


HEADER = """//! GENERATED by `scripts/gen-asm-tests-thumb.py`: Thumb encoder test rows, bytes from GNU as. Do not edit.
//!
//! Each row is (instruction, unified-syntax text our printer must produce, bytes `arm-none-eabi-as
//! -march=armv7-m` assembled that text to). Regenerate with `python3 scripts/gen-asm-tests-thumb.py`;
//! `table_is_current` re-runs it when the assembler is installed.
//! Assembler: {version}
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed table")
    args = ap.parse_args()
    cs = cases()
    blobs = asmgen.assemble(cs, AS, PRELUDE, "arm-none-eabi-objcopy", "arm-none-eabi-nm")
    text = asmgen.render(HEADER.format(version=asmgen.tool_version(AS[0])),
                         ["use super::imms::{Rel12, Rel21, Rel23, Rel9, U11, U12, U5, U7, U8};",
                          "use super::inst::{AluOp, Inst, LdSt};", "use super::regs::{Cc, Lo, Reg};"], cs, blobs)
    ok = asmgen.write_or_check(OUT, text, args.check, len(cs), "gen-asm-tests-thumb.py")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
