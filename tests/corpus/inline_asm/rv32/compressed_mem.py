# c.lw/c.sw (word offsets; negative ones are accepted and wrap) and c.lwsp/c.swsp (signed word offsets -128..124).
@micropython.asm_rv32
def f(a0):
    c_lw(a1, 0(a0))
    c_lw(a2, 60(s0))
    c_sw(a3, 4(a0))
    c_sw(a4, -4(a5))
    c_lwsp(ra, 124)
    c_lwsp(t0, -128)
    c_swsp(zero, 0)
    c_swsp(a0, 124)
