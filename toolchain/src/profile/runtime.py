# _mpprof: the profiler runtime of `mpbuild profile` (compiled by mpbuild, never instrumented itself).
#
# Instrumented code calls enter(id) when a function starts or a generator resumes, and exit() when it
# returns, raises or yields. Each activation is recorded under its call path (the chain of ids from the
# program's start): how many times the path ran and the sum of its ticks_us durations (ticks_diff, so the
# wrap-around of ticks_us is handled). Self and total times, the instrumentation overhead correction and
# recursion are worked out on the host from these sums; nothing is allocated per call here.
import sys
import time

_tk = time.ticks_us
_td = time.ticks_diff

_NF = 1
_P = {}
_pp = [-1]
_pf = [-1]
_pc = [0]
_pe = [0]
_sp = [0] * 32
_st = [0] * 32
_n = 0


def _reset():
    global _P, _pp, _pf, _pc, _pe, _n
    _P = {}
    _pp = [-1]
    _pf = [-1]
    _pc = [0]
    _pe = [0]
    _n = 0


def _new(q, f, k):
    p = len(_pf)
    _P[k] = p
    _pp.append(q)
    _pf.append(f)
    _pc.append(0)
    _pe.append(0)
    return p


def enter(f):
    global _n
    n = _n + 1
    if n == len(_sp):
        _sp.extend(_sp)
        _st.extend(_st)
    q = _sp[n - 1]
    k = q * _NF + f
    p = _P.get(k)
    if p is None:
        p = _new(q, f, k)
    _sp[n] = p
    _n = n
    _st[n] = _tk()


def exit():
    t = _tk()
    global _n
    n = _n
    if n:
        p = _sp[n]
        _pe[p] += _td(t, _st[n])
        _pc[p] += 1
        _n = n - 1


def _plain():
    pass


def _calibrate(cal):
    # The cost of the instrumentation: calls of an instrumented empty function against calls of the same
    # uninstrumented one (outer), and the part of it that falls inside the measured activation (inner).
    # The cheapest of several rounds is kept (interrupts and the GC only ever add time).
    plain = _plain
    n = 64
    while n < 65536:
        t0 = _tk()
        for _ in range(n):
            plain()
        if _td(_tk(), t0) > 8000:
            break
        n *= 2
    best = None
    for _ in range(7):
        _reset()
        t0 = _tk()
        for _ in range(n):
            plain()
        t1 = _tk()
        for _ in range(n):
            cal()
        t2 = _tk()
        o = _td(t2, t1) - _td(t1, t0)
        i = 0
        for p in range(1, len(_pf)):
            i += _pe[p]
        if best is None or o < best[1]:
            best = (n, o, i)
    _reset()
    return best


def run(entry, nf, nonce, mods, path):
    global _NF
    import gc
    _NF = nf
    cal = __import__('_mpprof_cal')
    c = _calibrate(cal.f)
    for m in mods:
        if m in sys.modules:
            del sys.modules[m]
    gc.collect()
    w0 = time.ticks_ms()
    t0 = _tk()
    try:
        __import__(entry)
    finally:
        t = _td(_tk(), t0)
        w = time.ticks_diff(time.ticks_ms(), w0)
        _dump(nonce, c, t, w)
        for m in mods:
            if m in sys.modules:
                del sys.modules[m]
        for m in ('_mpprof_cal', '_mpprof'):
            if m in sys.modules:
                del sys.modules[m]
        if path in sys.path:
            sys.path.remove(path)


def _dump(nonce, c, t, w):
    print('\x02MPPROF:' + nonce)
    print('v', 1)
    print('cal', c[0], c[1], c[2])
    print('run', t, w, time.ticks_add(0, -1))
    for p in range(1, len(_pf)):
        print('p', p, _pp[p], _pf[p], _pc[p], _pe[p])
    print('\x03MPPROF:' + nonce)
    _reset()
