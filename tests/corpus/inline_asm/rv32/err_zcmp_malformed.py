# A malformed Zcmp register list is reported as an invalid instruction.
@micropython.asm_rv32
def f(a0):
    cm_push({ra, s0-s10}, -16)
