# RRI8 loads and stores with their largest offsets (low bits of odd offsets are dropped).
@micropython.asm_xtensa
def copy(a2, a3):
    l8ui(a4, a2, 255)
    l16ui(a5, a2, 510)
    l16si(a6, a2, 2)
    l32i(a7, a2, 1020)
    s8i(a4, a3, 0)
    s16i(a5, a3, 3)
    s32i(a7, a3, 5)
    l32i(a8, a2, 0)
