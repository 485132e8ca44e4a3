# CSR access with a register and with a 5-bit immediate.
@micropython.asm_rv32
def f(a0):
    csrrw(a1, a0, 0x300)
    csrrs(a2, zero, 0xc00)
    csrrc(zero, a0, 4095)
    csrrwi(a3, 0x305, 31)
    csrrsi(a4, 0, 1)
    csrrci(a5, 0x341, 0)
