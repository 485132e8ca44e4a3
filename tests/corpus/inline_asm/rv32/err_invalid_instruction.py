# An instruction the RV32 assembler does not have.
@micropython.asm_rv32
def f(a0):
    fence()
