# A name where an immediate is needed.
@micropython.asm_thumb
def f(r0):
    movw(r0, r1.x)
