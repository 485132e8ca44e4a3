# call0 to a label that is not word-aligned.
@micropython.asm_xtensa
def f(a2):
    call0(sub)
    data(1, 0)
    label(sub)
