# Zero to four parameters a0..a3.
@micropython.asm_rv32
def p0():
    c_nop()

@micropython.asm_rv32
def p1(a0):
    c_nop()

@micropython.asm_rv32
def p4(a0, a1, a2, a3):
    add(a0, a0, a3)
