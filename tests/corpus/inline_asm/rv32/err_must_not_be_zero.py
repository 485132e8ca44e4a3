# c.addi with 0.
@micropython.asm_rv32
def f(a0):
    c_addi(a0, 0)
