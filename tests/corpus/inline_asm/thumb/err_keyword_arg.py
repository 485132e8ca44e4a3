# A keyword argument is never a register.
@micropython.asm_thumb
def f(r0):
    nop()
    bx(lr=1)
