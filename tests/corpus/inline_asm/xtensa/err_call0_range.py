# call0 beyond 128 KiB.
@micropython.asm_xtensa
def f(a2):
    call0(sub)
    data(140000, 0)
    label(sub)
