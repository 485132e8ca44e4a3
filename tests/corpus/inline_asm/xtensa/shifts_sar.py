# Shifts through SAR: ssl/ssr/ssa8l/ssa8b/ssai then sll/srl/sra/src.
@micropython.asm_xtensa
def f(a2, a3):
    ssl(a3)
    sll(a2, a2)
    ssr(a3)
    srl(a4, a2)
    sra(a5, a2)
    ssa8l(a3)
    ssa8b(a3)
    ssai(0)
    ssai(17)
    ssai(31)
    src(a2, a4, a5)
