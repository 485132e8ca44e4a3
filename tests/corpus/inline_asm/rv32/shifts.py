# slli/srli/srai by 0..31.
@micropython.asm_rv32
def f(a0):
    slli(a0, a0, 0)
    slli(a1, a0, 31)
    srli(a2, a1, 16)
    srai(a3, a2, 31)
    srai(x31, x31, 1)
