# A forward branch from an odd offset (before the label is known the C reads an offset of 0).
@micropython.asm_rv32
def f(a0):
    data(2, 0)
    beq(a0, zero, end)
    data(2, 0)
    label(end)
