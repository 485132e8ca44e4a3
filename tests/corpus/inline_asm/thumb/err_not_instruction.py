# An assignment in an assembler function.
@micropython.asm_thumb
def f(r0):
    nop()
    x = 1
