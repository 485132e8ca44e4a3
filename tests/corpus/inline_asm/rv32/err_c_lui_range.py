# c.lui only takes 1..31.
@micropython.asm_rv32
def f(a0):
    c_lui(a0, 32)
