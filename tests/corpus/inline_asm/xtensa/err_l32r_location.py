# l32r at a position that is not word-aligned.
@micropython.asm_xtensa
def f(a2):
    data(3, 0)
    label(lit)
    data(4, 0)
    data(1, 0)
    l32r(a2, lit)
