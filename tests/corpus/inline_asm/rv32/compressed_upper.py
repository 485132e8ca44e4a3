# c.lui (1..31) and c.addi4spn (4..1020 in steps of 4).
@micropython.asm_rv32
def f():
    c_lui(a0, 1)
    c_lui(t6, 31)
    c_addi4spn(a0, 4)
    c_addi4spn(s0, 1020)
    c_addi4spn(a5, 512)
