# A function bigger than mpy-cross's heap.
@micropython.asm_xtensa
def f(a2):
    data(3000000, 0)
