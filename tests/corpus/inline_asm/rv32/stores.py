# Stores with offset(base).
@micropython.asm_rv32
def f(a0, a1):
    sb(a1, 0(a0))
    sh(a1, 2(a0))
    sw(a1, -4(a0))
    sw(zero, 2044(sp))
