# call0 whose return address is not word-aligned.
@micropython.asm_xtensa
def f(a2):
    data(3, 0)
    call0(sub)
    data(1, 0)
    label(sub)
