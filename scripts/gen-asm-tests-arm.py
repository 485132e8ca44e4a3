#!/usr/bin/env python3
"""Generate the ARM (A32) encoder test table from GNU as (`arm-none-eabi-as`, Debian
`binutils-arm-none-eabi`).

For every instruction shape vm/src/asm/arm can encode, this lists operand combinations, writes the
unified-syntax text our printer produces, assembles it with `arm-none-eabi-as -march=armv6`, and commits
the bytes as `vm/src/asm/arm/encode_table.rs` rows of (instruction, text, bytes). `push`/`pop` of a single
register are fed to `as` as `stmdb sp!`/`ldmia sp!`, because `as` would pick `str`/`ldr` with write-back
for `push {r4}` while MicroPython always writes the block transfer.

Usage:
    scripts/gen-asm-tests-arm.py            # rewrite the table
    scripts/gen-asm-tests-arm.py --check    # exit 1 if the committed table differs
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import asmgen  # noqa: E402
from asmgen import Case  # noqa: E402

OUT = os.path.join(asmgen.ROOT, "vm/src/asm/arm/encode_table.rs")
AS = ["arm-none-eabi-as", "-march=armv6"]
PRELUDE = ".syntax unified\n.arm\n.text\n"

NAMES = ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "sl", "fp", "ip", "sp", "lr", "pc"]
CONDS = [("Eq", "eq"), ("Ne", "ne"), ("Cs", "cs"), ("Cc", "cc"), ("Mi", "mi"), ("Pl", "pl"), ("Vs", "vs"),
         ("Vc", "vc"), ("Hi", "hi"), ("Ls", "ls"), ("Ge", "ge"), ("Lt", "lt"), ("Gt", "gt"), ("Le", "le"),
         ("Al", "")]
TRIPLES = [(0, 0, 1), (4, 5, 6), (8, 7, 12), (13, 13, 8), (0, 15, 2), (11, 10, 9)]


def reg(i):
    return "Reg::R%d" % i


def imm(kind, v):
    return "%s::clamped(%d)" % (kind, v)


def dot(v):
    return ".-%d" % -v if v < 0 else ".+%d" % v


def rlist(bits):
    return "{" + ", ".join(NAMES[i] for i in range(16) if bits & (1 << i)) + "}"


def cases():
    out = []
    add = lambda *a, **k: out.append(Case(*a, **k))
    for op, mn in (("And", "and"), ("Eor", "eor"), ("Sub", "sub"), ("Add", "add"), ("Orr", "orr")):
        for d, n, m in TRIPLES:
            add("Inst::Dp { op: DpOp::%s, rd: %s, rn: %s, rm: %s }" % (op, reg(d), reg(n), reg(m)),
                "%s %s, %s, %s" % (mn, NAMES[d], NAMES[n], NAMES[m]))
    for d, n, m in TRIPLES:
        add("Inst::MovReg { rd: %s, rm: %s }" % (reg(d), reg(m)), "mov %s, %s" % (NAMES[d], NAMES[m]))
        add("Inst::MvnReg { rd: %s, rm: %s }" % (reg(d), reg(m)), "mvn %s, %s" % (NAMES[d], NAMES[m]))
        add("Inst::CmpReg { rn: %s, rm: %s }" % (reg(n), reg(m)), "cmp %s, %s" % (NAMES[n], NAMES[m]))
        for sh, mn in (("Lsl", "lsl"), ("Lsr", "lsr"), ("Asr", "asr")):
            add("Inst::ShiftReg { shift: Shift::%s, rd: %s, rm: %s, rs: %s }" % (sh, reg(d), reg(n), reg(m)),
                "%s %s, %s, %s" % (mn, NAMES[d], NAMES[n], NAMES[m]))
            for v in (1, 2, 31):
                add("Inst::ShiftImm { shift: Shift::%s, rd: %s, rm: %s, imm: %s }" % (sh, reg(d), reg(n), imm("U5", v)),
                    "%s %s, %s, #%d" % (mn, NAMES[d], NAMES[n], v))
        if d != n and 15 not in (d, n, m):
            add("Inst::Mul { rd: %s, rm: %s, rs: %s }" % (reg(d), reg(n), reg(m)),
                "mul %s, %s, %s" % (NAMES[d], NAMES[n], NAMES[m]))
        for v in (0, 1, 255):
            add("Inst::MvnImm { rd: %s, imm: %s }" % (reg(d), imm("U8", v)), "mvn %s, #%d" % (NAMES[d], v))
            add("Inst::CmpImm { rn: %s, imm: %s }" % (reg(n), imm("U8", v)), "cmp %s, #%d" % (NAMES[n], v))
            for op, mn in (("Add", "add"), ("Sub", "sub"), ("Rsb", "rsb")):
                add("Inst::Imm { op: ImmOp::%s, rd: %s, rn: %s, imm: %s }" % (op, reg(d), reg(n), imm("U8", v)),
                    "%s %s, %s, #%d" % (mn, NAMES[d], NAMES[n], v))
    for cond, suffix in CONDS:
        for d in (0, 8):
            for v in (0, 1, 255):
                add("Inst::MovImm { cond: Cond::%s, rd: %s, imm: %s }" % (cond, reg(d), imm("U8", v)),
                    "mov%s %s, #%d" % (suffix, NAMES[d], v))
        for v in (-(1 << 23), -2, -1, 0, 1, (1 << 23) - 1):
            add("Inst::B { cond: Cond::%s, rel: %s }" % (cond, imm("Rel24", v)), "b%s %s" % (suffix, dot(4 * v + 8)))
    for op, mn in (("Ldr", "ldr"), ("Str", "str"), ("Ldrb", "ldrb"), ("Strb", "strb")):
        for t, n in ((0, 0), (2, 15), (15, 7), (8, 13), (4, 5)):
            if mn.endswith("b") and 15 in (t,):
                continue
            for v in (0, 4, 176, 4095):
                add("Inst::LdStImm { op: LdSt::%s, rt: %s, rn: %s, imm: %s }" % (op, reg(t), reg(n), imm("U12", v)),
                    "%s %s, [%s, #%d]" % (mn, NAMES[t], NAMES[n], v))
        for t, n, m in ((0, 0, 8), (2, 4, 5), (12, 11, 1)):
            for lsl2 in (False, True):
                sh = ", lsl #2" if lsl2 else ""
                add("Inst::LdStReg { op: LdSt::%s, rt: %s, rn: %s, rm: %s, lsl2: %s }"
                    % (op, reg(t), reg(n), reg(m), str(lsl2).lower()),
                    "%s %s, [%s, %s%s]" % (mn, NAMES[t], NAMES[n], NAMES[m], sh))
    for load, mn in ((True, "ldrh"), (False, "strh")):
        for t, n, m in ((0, 0, 8), (2, 4, 5), (12, 13, 1)):
            for v in (0, 1, 0x2e, 0xff):
                add("Inst::LdStHImm { load: %s, rt: %s, rn: %s, imm: %s }" % (str(load).lower(), reg(t), reg(n), imm("U8", v)),
                    "%s %s, [%s, #%d]" % (mn, NAMES[t], NAMES[n], v))
            add("Inst::LdStHReg { load: %s, rt: %s, rn: %s, rm: %s }" % (str(load).lower(), reg(t), reg(n), reg(m)),
                "%s %s, [%s, %s]" % (mn, NAMES[t], NAMES[n], NAMES[m]))
    for bits in (0x41fe, 0x81fe, 0x01fe, 0x0003, 0x4010, 0x0010, 0x0100):
        single = bin(bits).count("1") == 1
        add("Inst::Push(%#06x)" % bits, "push %s" % rlist(bits),
            as_text="stmdb sp!, %s" % rlist(bits) if single else None)
        add("Inst::Pop(%#06x)" % bits, "pop %s" % rlist(bits),
            as_text="ldmia sp!, %s" % rlist(bits) if single else None)
    for r in range(15):
        add("Inst::Bx(%s)" % reg(r), "bx %s" % NAMES[r])
    for v in (0, 0x12345678, 0xffffffec):
        add("Inst::Word(%#x)" % v, ".word %#010x" % v)
    return out


HEADER = """//! GENERATED by `scripts/gen-asm-tests-arm.py`: ARM (A32) encoder test rows, bytes from GNU as. Do not edit.
//!
//! Each row is (instruction, unified-syntax text our printer must produce, bytes `arm-none-eabi-as
//! -march=armv6` assembled that text to). Regenerate with `python3 scripts/gen-asm-tests-arm.py`;
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
                         ["use super::imms::{Rel24, U12, U5, U8};",
                          "use super::inst::{DpOp, ImmOp, Inst, LdSt, Shift};", "use super::regs::{Cond, Reg};"],
                         cs, blobs)
    ok = asmgen.write_or_check(OUT, text, args.check, len(cs), "gen-asm-tests-arm.py")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
