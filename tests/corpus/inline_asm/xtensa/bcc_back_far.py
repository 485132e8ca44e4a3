# A backward branch beyond 127 bytes takes the long form too.
@micropython.asm_xtensa
def f(a2, a3):
    label(top)
    data(200, 0)
    bltu(a2, a3, top)
