# Zba and Zcmp together.
@micropython.asm_rv32
def f(a0, a1):
    cm_push({ra, s0-s1}, -16)
    sh2add(s0, a1, a0)
    lw(a0, 0(s0))
    cm_popret({ra, s0-s1}, 16)
