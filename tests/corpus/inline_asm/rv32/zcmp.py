# Zcmp push/pop: valid only with -march-flags=zcmp (the stack adjustment is not encoded).
@micropython.asm_rv32
def f(a0):
    cm_push({ra}, 0)
    cm_push({ra, s0}, -16)
    cm_push({ra, s0-s1}, -32)
    cm_push({ra, s0-s2}, -48)
    cm_push({ra, s0-s11}, 0)
    cm_pop({ra, s0-s5}, 16)
    cm_popret({ra, s0-s9}, 32)
    cm_popretz({x1, x8-x9}, 48)
