# add.n on any registers.
@micropython.asm_xtensa
def f(a2, a3):
    add_n(a2, a2, a3)
    add_n(a15, a0, a1)
