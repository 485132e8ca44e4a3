# Two instructions on one line are one statement list.
@micropython.asm_thumb
def f(r0):
    nop(); nop()
