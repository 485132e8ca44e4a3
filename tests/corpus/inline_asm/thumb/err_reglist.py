# push needs a set of registers.
@micropython.asm_thumb
def f(r0):
    push(r0)
