# A jump to a label never defined.
@micropython.asm_xtensa
def f(a2):
    nop()
    j(nowhere)
