# Narrow instructions report the immediate after the registers.
@micropython.asm_xtensa
def f(a2):
    l32i_n(x, y, 64)
