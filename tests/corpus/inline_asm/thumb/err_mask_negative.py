# A negative immediate, shown as 32-bit hex.
@micropython.asm_thumb
def f(r0):
    lsl(r0, r0, -1)
