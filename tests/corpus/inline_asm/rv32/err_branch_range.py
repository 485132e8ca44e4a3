# A branch beyond 4 KiB.
@micropython.asm_rv32
def f(a0):
    label(top)
    data(4100, 0)
    bne(a0, zero, top)
