#!/usr/bin/env python3
"""Minimal .mpy v6 dumper used by the front-end probes: qstr table, object table, raw-code bytes.

Written from the format notes in /work/shared/reference/mpy-facts.md (section 1). Usage:
    mpydump.py file.mpy          # human-readable dump
Import `load(bytes)` to get (qstrs, objs, rawcodes) where objs are (type, payload) tuples.
"""
import sys

STATIC_QSTR_COUNT = 165


def vuint(b, i):
    n = 0
    while True:
        c = b[i]
        i += 1
        n = (n << 7) | (c & 0x7F)
        if not c & 0x80:
            return n, i


def obj(b, i):
    t = b[i]
    i += 1
    if t in (0, 1, 2, 3, 4):
        return (t, None), i
    if t in (5, 6):
        n, i = vuint(b, i)
        v = bytes(b[i:i + n])
        return (t, v), i + n + 1
    if t in (7, 8, 9):
        n, i = vuint(b, i)
        return (t, bytes(b[i:i + n]).decode()), i + n
    if t == 10:
        n, i = vuint(b, i)
        items = []
        for _ in range(n):
            o, i = obj(b, i)
            items.append(o)
        return (t, items), i
    raise ValueError("bad obj type %d at %d" % (t, i - 1))


def rawcode(b, i, out):
    n, i = vuint(b, i)
    kind = n & 3
    has_children = (n >> 2) & 1
    ln = n >> 3
    out.append((kind, bytes(b[i:i + ln])))
    i += ln
    if kind == 1:
        _, i = vuint(b, i)
    elif kind in (2, 3):
        _, i = vuint(b, i)
        if kind == 3:
            _, i = vuint(b, i)
            _, i = vuint(b, i)
    if has_children:
        nc, i = vuint(b, i)
        for _ in range(nc):
            i = rawcode(b, i, out)
    return i


def load(b):
    assert b[0] == 0x4D and b[1] == 6, "not mpy v6"
    i = 4
    if b[2] & 0x40:
        _, i = vuint(b, i)
    nq, i = vuint(b, i)
    no, i = vuint(b, i)
    qstrs = []
    for _ in range(nq):
        n, i = vuint(b, i)
        if n & 1:
            qstrs.append(("static", n >> 1))
        else:
            ln = n >> 1
            qstrs.append(("str", bytes(b[i:i + ln])))
            i += ln + 1
    objs = []
    for _ in range(no):
        o, i = obj(b, i)
        objs.append(o)
    rcs = []
    rawcode(b, i, rcs)
    return qstrs, objs, rcs


def bytecode_body(fun_data):
    """Skips the prelude of a bytecode function and returns (name_qstr_index, line_info, opcodes)."""
    i = 0
    while fun_data[i] & 0x80:
        i += 1
    i += 1
    # size: xIIIIIIC
    n_info = 0
    n_cell = 0
    shift = 0
    while True:
        z = fun_data[i]
        i += 1
        n_info |= ((z >> 1) & 0x3F) << shift
        n_cell |= (z & 1) << shift
        shift += 6 if False else 0
        if not z & 0x80:
            break
        # continuation: 6 more info bits, 1 more cell bit
    start = i
    name, j = vuint(fun_data, i)
    info = fun_data[j:start + n_info]
    code = fun_data[start + n_info + n_cell:]
    return name, info, code


if __name__ == "__main__":
    qs, os_, rcs = load(open(sys.argv[1], "rb").read())
    print("qstrs:", qs)
    print("objs:", os_)
    for k, d in rcs:
        print("rc kind", k, d.hex(" "))


OPS = {0x10: "LOAD_CONST_STRING", 0x11: "LOAD_NAME", 0x12: "LOAD_GLOBAL", 0x13: "LOAD_ATTR", 0x14: "LOAD_METHOD",
       0x16: "STORE_NAME", 0x22: "LOAD_CONST_SMALL_INT", 0x23: "LOAD_CONST_OBJ", 0x2a: "BUILD_TUPLE",
       0x2b: "BUILD_LIST", 0x34: "CALL_FUNCTION", 0x36: "CALL_METHOD", 0x50: "LOAD_FALSE", 0x51: "LOAD_NONE",
       0x52: "LOAD_TRUE", 0x59: "POP_TOP", 0x63: "RETURN_VALUE", 0x32: "MAKE_FUNCTION"}


def disasm(code, qstrs, objs):
    """Rough disassembly of the common opcodes (others printed as hex)."""
    i = 0
    out = []
    while i < len(code):
        op = code[i]
        i += 1
        fmt = (0x3A4 >> (2 * (op >> 4))) & 3 if op < 0x50 else 0
        arg = None
        if fmt in (1, 2):
            arg, i = vuint(code, i)
        elif fmt == 3:
            i += 2 if code[i] & 0x80 else 1
        if op in (0x20, 0x21, 0x40):
            i += 1
        name = OPS.get(op)
        if 0x70 <= op <= 0xAF:
            out.append("SMALL_INT %d" % (op - 0x80))
        elif name and fmt == 1:
            q = qstrs[arg]
            out.append("%s %s" % (name, q[1] if q[0] == "str" else "static#%d" % q[1]))
        elif name == "LOAD_CONST_OBJ":
            out.append("%s %r" % (name, objs[arg]))
        elif name:
            out.append("%s%s" % (name, "" if arg is None else " %d" % arg))
        else:
            out.append("op%02x%s" % (op, "" if arg is None else " %d" % arg))
    return out
