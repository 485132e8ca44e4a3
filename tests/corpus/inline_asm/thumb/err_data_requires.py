# data() needs a size and at least one value.
@micropython.asm_thumb
def f(r0):
    data(4)
