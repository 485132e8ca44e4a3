# bbci beyond 127 bytes.
@micropython.asm_xtensa
def f(a2):
    bbci(a2, 3, far)
    data(200, 0)
    label(far)
