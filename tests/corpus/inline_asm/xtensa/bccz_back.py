# beqz/bnez/bgez/bltz and the _n names (written wide) backwards.
@micropython.asm_xtensa
def f(a2):
    label(l)
    beqz(a2, l)
    bnez(a2, l)
    bgez(a2, l)
    bltz(a2, l)
    beqz_n(a2, l)
    bnez_n(a2, l)
