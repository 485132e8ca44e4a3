# zero is excluded where the encoding cannot take x0.
@micropython.asm_rv32
def f(a0):
    c_mv(a0, zero)
