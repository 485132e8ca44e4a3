# A label defined twice (reported at the def: Xtensa runs a second code-size pass).
@micropython.asm_xtensa
def f(a2):
    label(l)
    nop()
    label(l)
