# Parameters must be a2..a5 in order.
@micropython.asm_xtensa
def f(a3):
    nop()
