# Parameters must be r0, r1, ... in order.
@micropython.asm_thumb
def f(r0, r2):
    nop()
