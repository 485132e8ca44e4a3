# Compressed immediates: c.addi (non-zero), c.li, c.andi, c.slli, c.srli, c.srai.
@micropython.asm_rv32
def f(a0):
    c_addi(a0, -32)
    c_addi(sp, 31)
    c_li(a1, -1)
    c_li(t6, 31)
    c_andi(a2, -32)
    c_andi(s1, 31)
    c_slli(a3, 0)
    c_slli(t0, 31)
    c_srli(a4, 1)
    c_srai(a5, 31)
