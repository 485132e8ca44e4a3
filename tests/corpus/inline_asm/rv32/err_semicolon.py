# Two instructions on one line.
@micropython.asm_rv32
def f(a0):
    c_nop(); c_nop()
