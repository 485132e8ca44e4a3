# A backward branch to an odd offset.
@micropython.asm_rv32
def f(a0):
    data(1, 0)
    label(odd)
    data(1, 0)
    beq(a0, a0, odd)
