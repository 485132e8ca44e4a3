# slli (1..31), srai (0..31), srli (0..15).
@micropython.asm_xtensa
def f(a2):
    slli(a3, a2, 1)
    slli(a4, a3, 16)
    slli(a5, a4, 31)
    srai(a6, a5, 0)
    srai(a7, a6, 17)
    srai(a8, a7, 31)
    srli(a9, a8, 0)
    srli(a10, a9, 15)
