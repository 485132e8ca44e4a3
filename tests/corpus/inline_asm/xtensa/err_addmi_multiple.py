# addmi needs a multiple of 256.
@micropython.asm_xtensa
def f(a2):
    addmi(a2, a2, 1000)
