# c.addi4spn needs a multiple of 4.
@micropython.asm_rv32
def f(a0):
    c_addi4spn(a0, 6)
