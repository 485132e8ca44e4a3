# A Zcmp stack adjustment that does not fit a machine word.
@micropython.asm_rv32
def f(a0):
    cm_push({ra}, -(1 << 70))
