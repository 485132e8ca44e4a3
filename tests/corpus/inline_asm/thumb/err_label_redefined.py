# The same label twice.
@micropython.asm_thumb
def f(r0):
    label(top)
    nop()
    label(top)
