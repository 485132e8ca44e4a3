# A known instruction with the wrong number of arguments.
@micropython.asm_thumb
def f(r0):
    nop(r0)
