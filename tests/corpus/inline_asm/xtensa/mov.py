# mov and mov_n (both mov.n), movi_n from -32 to 95.
@micropython.asm_xtensa
def f(a2, a3):
    mov(a2, a3)
    mov_n(a4, a2)
    movi_n(a5, -32)
    movi_n(a6, 95)
    movi_n(a7, 0)
