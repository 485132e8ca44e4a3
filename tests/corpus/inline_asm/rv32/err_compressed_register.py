# A register outside x8..x15 for a compressed instruction.
@micropython.asm_rv32
def f(a0):
    c_and(a0, t0)
