# Zero to four parameters r0..r3.
@micropython.asm_thumb
def p0():
    nop()

@micropython.asm_thumb
def p1(r0):
    nop()

@micropython.asm_thumb
def p2(r0, r1):
    nop()

@micropython.asm_thumb
def p4(r0, r1, r2, r3):
    add(r0, r0, r3)
