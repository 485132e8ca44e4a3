# A name as the offset.
@micropython.asm_rv32
def f(a0):
    lw(a1, x(a0))
