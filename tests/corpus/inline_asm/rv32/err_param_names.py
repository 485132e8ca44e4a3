# Parameters must be a0..a3 in order.
@micropython.asm_rv32
def f(a1):
    c_nop()
