# All twelve register-register branches backwards (one instruction each).
@micropython.asm_xtensa
def f(a2, a3):
    label(l)
    ball(a2, a3, l)
    bany(a2, a3, l)
    bbc(a2, a3, l)
    bbs(a2, a3, l)
    beq(a2, a3, l)
    bge(a2, a3, l)
    bgeu(a2, a3, l)
    blt(a2, a3, l)
    bltu(a2, a3, l)
    bnall(a2, a3, l)
    bne(a2, a3, l)
    bnone(a2, a3, l)
