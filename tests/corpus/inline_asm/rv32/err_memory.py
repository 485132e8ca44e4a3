# A function bigger than mpy-cross's heap.
@micropython.asm_rv32
def f(a0):
    data(4, 0)
    data(2500000, 0)
