# callx0 and jx through registers.
@micropython.asm_xtensa
def f(a2):
    callx0(a2)
    jx(a0)
    callx0(a15)
