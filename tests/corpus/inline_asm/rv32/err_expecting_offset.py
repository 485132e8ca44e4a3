# A load without offset(base).
@micropython.asm_rv32
def f(a0):
    lw(a1, a0)
