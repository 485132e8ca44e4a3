# A function bigger than mpy-cross's heap.
@micropython.asm_thumb
def f(r0):
    data(0x300000, 0)
