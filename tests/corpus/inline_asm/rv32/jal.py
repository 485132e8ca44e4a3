# jal forwards and backwards, and across 100 KiB.
@micropython.asm_rv32
def f(a0):
    label(top)
    jal(ra, sub)
    jal(zero, top)
    label(sub)
    jal(t0, far)
    data(100000, 0)
    label(far)
