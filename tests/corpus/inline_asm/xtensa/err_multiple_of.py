# The step check comes after the registers.
@micropython.asm_xtensa
def f(a2):
    l32i_n(x, a2, 6)
