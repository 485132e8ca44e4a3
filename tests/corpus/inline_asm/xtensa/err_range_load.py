# l16ui beyond 510.
@micropython.asm_xtensa
def f(a2):
    l16ui(a2, a2, 512)
