# A bit number beyond 31.
@micropython.asm_xtensa
def f(a2):
    label(l)
    bbsi(a2, 32, l)
