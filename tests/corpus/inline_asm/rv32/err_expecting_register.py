# A number where a register is needed.
@micropython.asm_rv32
def f(a0):
    add(a0, 1, a2)
