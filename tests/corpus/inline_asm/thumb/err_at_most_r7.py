# A high register where a low one is needed.
@micropython.asm_thumb
def f(r0):
    add(r0, r8, 1)
