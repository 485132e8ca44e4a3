# bl over a megabyte: the 23-bit range of OP_BL.
@micropython.asm_thumb
def f(r0):
    bl(there)
    data(1000000, 0)
    label(there)
    bl(f2)
    label(f2)
