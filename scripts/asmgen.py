"""Shared machinery of the `gen-asm-tests-<isa>.py` encoder-table generators.

Each generator lists (Rust expression, text our printer must produce, text fed to GNU as, bytes to keep)
cases for one ISA; this module assembles them all in one file with a label before each case, cuts each
case's bytes out of the object with `objcopy` and `nm`, and renders or checks the committed Rust table.
"""

import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Case:
    """One table row. `as_text` defaults to `text`; `take` keeps only the first bytes (for an
    instruction that `as` only accepts followed by others, like `ite`)."""

    def __init__(self, rust, text, as_text=None, take=None, note=None):
        self.rust, self.text = rust, text
        self.as_text = as_text if as_text is not None else text
        self.take, self.note = take, note


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        raise SystemExit("%s failed:\n%s" % (" ".join(cmd), p.stderr[:4000]))
    return p.stdout


def tool_version(tool):
    return run([tool, "--version"]).splitlines()[0].strip()


def assemble(cases, as_cmd, prelude, objcopy, nm):
    """Bytes of every case, assembled by `as_cmd` (a list) after `prelude` lines."""
    with tempfile.TemporaryDirectory() as tmp:
        src, obj, binf = (os.path.join(tmp, n) for n in ("t.s", "t.o", "t.bin"))
        with open(src, "w") as f:
            f.write(prelude)
            for i, c in enumerate(cases):
                f.write("t%d:\n%s\n" % (i, c.as_text))
            f.write("tend:\n")
        run(as_cmd + ["-o", obj, src])
        run([objcopy, "-O", "binary", "--only-section=.text", obj, binf])
        code = open(binf, "rb").read()
        offsets = {}
        for line in run([nm, obj]).splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[2].startswith("t"):
                offsets[parts[2]] = int(parts[0], 16)
    out = []
    for i, c in enumerate(cases):
        start = offsets["t%d" % i]
        end = offsets["t%d" % (i + 1)] if i + 1 < len(cases) else offsets["tend"]
        blob = code[start:end]
        out.append(blob[:c.take] if c.take is not None else blob)
    return out


def render(header, imports, cases, blobs):
    lines = [header.rstrip("\n"), ""]
    lines += imports
    lines.append("")
    lines.append("/// (instruction, text, bytes) rows: %d of them." % len(cases))
    lines.append("pub(super) const ROWS: &[(Inst, &str, &[u8])] = &[")
    for c, blob in zip(cases, blobs):
        bs = ", ".join("0x%02x" % b for b in blob)
        note = " // %s" % c.note if c.note else ""
        lines.append("    (%s, %s, &[%s]),%s" % (c.rust, '"' + c.text + '"', bs, note))
    lines.append("];")
    return "\n".join(lines) + "\n"


def strip_version(s):
    return "\n".join(l for l in s.splitlines() if not l.startswith("//! Assembler:"))


def write_or_check(path, text, check, rows, script):
    rel = os.path.relpath(path, ROOT)
    if check:
        old = open(path).read() if os.path.exists(path) else ""
        if strip_version(old) != strip_version(text):
            print("%s is stale: run scripts/%s" % (rel, script))
            return False
        print("%s is current (%d rows)" % (rel, rows))
        return True
    with open(path, "w") as f:
        f.write(text)
    print("wrote %s (%d rows)" % (rel, rows))
    return True
