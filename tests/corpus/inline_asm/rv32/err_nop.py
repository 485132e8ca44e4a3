# nop is not an RV32 inline instruction (c_nop is).
@micropython.asm_rv32
def f(a0):
    nop()
