# A branch to a label that is never defined.
@micropython.asm_thumb
def f(r0):
    label(here)
    nop()
    bne(there)
