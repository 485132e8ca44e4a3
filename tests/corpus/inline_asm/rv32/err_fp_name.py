# fp is not in the register table.
@micropython.asm_rv32
def f(a0):
    mv(a0, fp)
