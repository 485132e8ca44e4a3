# l32i.n/s32i.n with word offsets up to 60.
@micropython.asm_xtensa
def f(a2, a3):
    l32i_n(a4, a2, 0)
    l32i_n(a5, a2, 60)
    s32i_n(a4, a3, 4)
    s32i_n(a15, a1, 32)
