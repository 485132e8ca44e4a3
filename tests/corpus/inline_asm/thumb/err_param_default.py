# A parameter with a default is not a register name.
@micropython.asm_thumb
def f(r0=1):
    nop()
