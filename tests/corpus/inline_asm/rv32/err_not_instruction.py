# A for loop in an assembler function.
@micropython.asm_rv32
def f(a0):
    for i in range(3):
        c_nop()
