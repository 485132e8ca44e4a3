# movw to pc: mpy-cross fails an assertion.
@micropython.asm_thumb
def f(r0):
    movw(pc, 1)
