# j forwards and backwards, and j over more than its 18 bits (not checked, masked).
@micropython.asm_xtensa
def f(a2):
    label(top)
    j(mid)
    nop()
    label(mid)
    j(top)
    j(far)
    data(300000, 0)
    label(far)
