# Zero to four parameters a2..a5.
@micropython.asm_xtensa
def p0():
    nop()

@micropython.asm_xtensa
def p1(a2):
    nop()

@micropython.asm_xtensa
def p4(a2, a3, a4, a5):
    add(a2, a2, a5)
