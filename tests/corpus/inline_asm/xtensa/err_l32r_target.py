# l32r from a literal that is not word-aligned.
@micropython.asm_xtensa
def f(a2):
    label(lit)
    data(4, 0)
    l32r(a2, lit)
