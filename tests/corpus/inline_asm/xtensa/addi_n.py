# addi.n with 1..15; -1 and 0 come out as mpy-cross writes them (0xfffb).
@micropython.asm_xtensa
def f(a2, a3):
    addi_n(a2, a3, 1)
    addi_n(a4, a5, 15)
    addi_n(a6, a7, -1)
    addi_n(a8, a9, 0)
