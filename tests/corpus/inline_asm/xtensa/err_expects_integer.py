# A register where an immediate is needed.
@micropython.asm_xtensa
def f(a2):
    movi(a2, a3)
