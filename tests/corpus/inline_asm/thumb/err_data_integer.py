# data() values must be integers.
@micropython.asm_thumb
def f(r0):
    data(4, 1, 2.5)
