# A Zcmp stack adjustment of the wrong sign.
@micropython.asm_rv32
def f(a0):
    cm_pop({ra, s0}, -16)
