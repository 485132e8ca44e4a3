# Register-immediate operations with 12-bit immediates.
@micropython.asm_rv32
def f(a0):
    addi(a0, a0, -2048)
    addi(a1, a0, 2047)
    andi(a2, a1, 0xff)
    ori(a3, a2, -1)
    xori(a4, a3, 0x555)
    slti(a5, a4, 0)
    sltiu(a6, a5, 1)
    jalr(zero, ra, 0)
    jalr(ra, t0, -4)
