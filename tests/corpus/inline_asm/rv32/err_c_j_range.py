# c.j beyond 2 KiB.
@micropython.asm_rv32
def f(a0):
    c_j(far)
    data(3000, 0)
    label(far)
