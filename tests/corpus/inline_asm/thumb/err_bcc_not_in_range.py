# A 16-bit conditional branch beyond 256 bytes.
@micropython.asm_thumb
def f(r0):
    label(back)
    data(300, 0)
    beq(back)
