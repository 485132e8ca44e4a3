# A branch across 4 KiB, the edge of its range.
@micropython.asm_rv32
def f(a0):
    label(top)
    data(4092, 0)
    bne(a0, zero, top)
