# An instruction the Thumb assembler does not have.
@micropython.asm_thumb
def f(r0):
    nop()
    frobnicate(r0, r1)
