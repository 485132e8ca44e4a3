# A label defined twice.
@micropython.asm_rv32
def f(a0):
    label(a)
    c_nop()
    label(a)
