# c.lw with an offset that is not a multiple of 4.
@micropython.asm_rv32
def f(a0):
    c_lw(a1, 2(a0))
