# A keyword argument is not a register.
@micropython.asm_xtensa
def f(a2):
    jx(reg=a2)
