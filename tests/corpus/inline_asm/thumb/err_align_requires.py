# align() needs one small int.
@micropython.asm_thumb
def f(r0):
    align(x)
