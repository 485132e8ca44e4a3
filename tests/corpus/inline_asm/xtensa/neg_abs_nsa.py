# neg, abs_, nsa, nsau.
@micropython.asm_xtensa
def f(a2):
    neg(a3, a2)
    abs_(a4, a3)
    nsa(a5, a4)
    nsau(a6, a5)
