# Loads with offset(base), including negative offsets and the unusual forms.
@micropython.asm_rv32
def f(a0):
    lb(a1, 0(a0))
    lbu(a2, 2047(a0))
    lh(a3, -2048(a0))
    lhu(a4, -2(a0))
    lw(a5, 4(sp))
    lw(a6, +8(a0))
    lw(a7, (-4)(a0))
    lw(t0, 4 .a0)
    lw(t1, 8[a0])
