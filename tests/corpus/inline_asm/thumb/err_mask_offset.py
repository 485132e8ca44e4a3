# A load offset that is not a multiple of the access size.
@micropython.asm_thumb
def f(r0):
    ldr(r1, [r0, 6])
