# A number where a label is needed.
@micropython.asm_rv32
def f(a0):
    beq(a0, a1, 8)
