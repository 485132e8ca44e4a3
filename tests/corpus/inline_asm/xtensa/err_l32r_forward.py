# l32r can only load from behind it.
@micropython.asm_xtensa
def f(a2):
    data(3, 0)
    l32r(a2, lit)
    data(1, 0)
    label(lit)
