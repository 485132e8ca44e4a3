#!/usr/bin/env python3
"""Generate the Xtensa encoder test table from GNU as (`xtensa-lx106-elf-as`, Debian
`binutils-xtensa-lx106`).

For every instruction shape vm/src/asm/xtensa can encode, this lists operand combinations, writes the
text our printer produces, assembles it inside `.begin no-transform` (so `as` neither widens, narrows
nor relaxes anything) and commits the bytes as `vm/src/asm/xtensa/encode_table.rs` rows.

`call0` and `l32r` address relative to a word-aligned pc, so their rows come first, each padded to 4
bytes (`.byte 0`, not kept) to stay word-aligned. The lx106 core (ESP8266) has no windowed-register
option, so `entry`, `retw.n` and `callx8` cannot be assembled here: they share their formats (BRI12,
RRRN, CALLX) with `beqz`, `ret.n` and `callx0`, whose rows check those format functions, and their own
field values are checked against mpy-cross 1.29 `-march=xtensawin` bytes in `xtensa/asm_tests.rs` and
the replay tests.

Usage:
    scripts/gen-asm-tests-xtensa.py            # rewrite the table
    scripts/gen-asm-tests-xtensa.py --check    # exit 1 if the committed table differs
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import asmgen  # noqa: E402
from asmgen import Case  # noqa: E402

OUT = os.path.join(asmgen.ROOT, "vm/src/asm/xtensa/encode_table.rs")
AS = ["xtensa-lx106-elf-as"]
PRELUDE = ".text\n.begin no-transform\n"
TRIPLES = [(2, 3, 4), (10, 10, 11), (15, 0, 1), (6, 12, 13), (1, 1, 9)]
CCS = [("None", "bnone"), ("Eq", "beq"), ("Lt", "blt"), ("Ltu", "bltu"), ("All", "ball"), ("Bc", "bbc"),
       ("Any", "bany"), ("Ne", "bne"), ("Ge", "bge"), ("Geu", "bgeu"), ("Nall", "bnall"), ("Bs", "bbs")]
CCZS = [("Eq", "beqz"), ("Ne", "bnez"), ("Lt", "bltz"), ("Ge", "bgez")]
LDST = [("L8ui", "l8ui", 0), ("L16ui", "l16ui", 1), ("L32i", "l32i", 2), ("S8i", "s8i", 0), ("S16i", "s16i", 1),
        ("S32i", "s32i", 2)]


def reg(i):
    return "Reg::A%d" % i


def imm(kind, v):
    return "%s::clamped(%d)" % (kind, v)


def dot(v):
    return ".-%d" % -v if v < 0 else ".+%d" % v


def cases():
    out = []
    add = lambda *a, **k: out.append(Case(*a, **k))
    # Word-aligned first: call0 and l32r, each padded to 4 bytes.
    for v in (0, 1, -1, 1000, -1000):
        add("Inst::Call0(%s)" % imm("I18", v), "call0 %s" % dot(4 * v + 4),
            as_text="call0 %s\n.byte 0" % dot(4 * v + 4), take=3)
    for t in (2, 12):
        for v in (-1, -3, -32768):
            add("Inst::L32r { t: %s, imm: %s }" % (reg(t), imm("I16", v)), "l32r a%d, %s" % (t, dot(4 * v)),
                as_text="l32r a%d, %s\n.byte 0" % (t, dot(4 * v)), take=3)
    for r, s, t in TRIPLES:
        add("Inst::AddN { r: %s, s: %s, t: %s }" % (reg(r), reg(s), reg(t)), "add.n a%d, a%d, a%d" % (r, s, t))
        for op, mn in (("Add", "add"), ("And", "and"), ("Or", "or"), ("Xor", "xor"), ("Sub", "sub"),
                       ("Mull", "mull"), ("Addx2", "addx2"), ("Addx4", "addx4")):
            add("Inst::Alu { op: AluOp::%s, r: %s, s: %s, t: %s }" % (op, reg(r), reg(s), reg(t)),
                "%s a%d, a%d, a%d" % (mn, r, s, t))
        add("Inst::Neg { r: %s, t: %s }" % (reg(r), reg(t)), "neg a%d, a%d" % (r, t))
        add("Inst::Ssl(%s)" % reg(s), "ssl a%d" % s)
        add("Inst::Ssr(%s)" % reg(s), "ssr a%d" % s)
        add("Inst::Sll { r: %s, s: %s }" % (reg(r), reg(s)), "sll a%d, a%d" % (r, s))
        add("Inst::Sra { r: %s, t: %s }" % (reg(r), reg(t)), "sra a%d, a%d" % (r, t))
        add("Inst::Srl { r: %s, t: %s }" % (reg(r), reg(t)), "srl a%d, a%d" % (r, t))
        add("Inst::MovN { t: %s, s: %s }" % (reg(t), reg(s)), "mov.n a%d, a%d" % (t, s))
        for v in (-128, -32, 0, 1, 127):
            add("Inst::Addi { t: %s, s: %s, imm: %s }" % (reg(t), reg(s), imm("I8", v)), "addi a%d, a%d, %d" % (t, s, v))
        for op, mn, shift in LDST:
            for v in (0, 1, 255):
                add("Inst::LdSt { op: LdSt::%s, t: %s, s: %s, imm: %s }" % (op, reg(t), reg(s), imm("U8", v)),
                    "%s a%d, a%d, %d" % (mn, t, s, v << shift))
        for v in (0, 1, 15):
            add("Inst::L32iN { t: %s, s: %s, imm: %s }" % (reg(t), reg(s), imm("U4", v)), "l32i.n a%d, a%d, %d" % (t, s, 4 * v))
            add("Inst::S32iN { t: %s, s: %s, imm: %s }" % (reg(t), reg(s), imm("U4", v)), "s32i.n a%d, a%d, %d" % (t, s, 4 * v))
        for v in (-2048, -1, 0, 2047, 1200):
            add("Inst::Movi { t: %s, imm: %s }" % (reg(t), imm("I12", v)), "movi a%d, %d" % (t, v))
        for v in (-32, -1, 0, 95):
            add("Inst::MoviN { s: %s, imm: %s }" % (reg(s), imm("MoviN", v)), "movi.n a%d, %d" % (s, v))
    for cc, mn in CCS:
        for s, t in ((2, 3), (10, 12), (15, 0)):
            for v in (-128, -4, 1, 2, 127):
                add("Inst::Bcc { cc: Cc::%s, s: %s, t: %s, rel: %s }" % (cc, reg(s), reg(t), imm("I8", v)),
                    "%s a%d, a%d, %s" % (mn, s, t, dot(v + 4)))
    for cc, mn in CCZS:
        for s in (2, 3, 11):
            for v in (-2048, -4, 2, 2047):
                add("Inst::Bccz { cc: Ccz::%s, s: %s, rel: %s }" % (cc, reg(s), imm("I12", v)),
                    "%s a%d, %s" % (mn, s, dot(v + 4)))
    for v in (-131072, -4, -1, 0, 3, 131071):
        add("Inst::J(%s)" % imm("I18", v), "j %s" % dot(v + 4))
    for r in range(16):
        add("Inst::Callx0(%s)" % reg(r), "callx0 a%d" % r)
        add("Inst::Jx(%s)" % reg(r), "jx a%d" % r)
    add("Inst::RetN", "ret.n")
    for v in (0, 0x40004, 0xffffffff):
        add("Inst::Word(%#x)" % v, ".word %#010x" % v)
    add("Inst::Pad", ".byte 0")
    return out


HEADER = """//! GENERATED by `scripts/gen-asm-tests-xtensa.py`: Xtensa encoder test rows, bytes from GNU as. Do not edit.
//!
//! Each row is (instruction, text our printer must produce, bytes `xtensa-lx106-elf-as` assembled that
//! text to inside `.begin no-transform`). The windowed-ABI instructions are not here: the lx106 core
//! lacks them (see the generator). Regenerate with `python3 scripts/gen-asm-tests-xtensa.py`;
//! `table_is_current` re-runs it when the assembler is installed.
//! Assembler: {version}
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed table")
    args = ap.parse_args()
    cs = cases()
    blobs = asmgen.assemble(cs, AS, PRELUDE, "xtensa-lx106-elf-objcopy", "xtensa-lx106-elf-nm")
    text = asmgen.render(HEADER.format(version=asmgen.tool_version(AS[0])),
                         ["use super::imms::{MoviN, I12, I16, I18, I8, U4, U8};",
                          "use super::inst::{AluOp, Inst, LdSt};", "use super::regs::{Cc, Ccz, Reg};"], cs, blobs)
    ok = asmgen.write_or_check(OUT, text, args.check, len(cs), "gen-asm-tests-xtensa.py")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
