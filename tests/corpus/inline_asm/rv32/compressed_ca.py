# c.and/c.or/c.xor/c.sub (mpy-cross keeps two bits of each register field).
@micropython.asm_rv32
def f(a0, a1):
    c_and(a0, a1)
    c_or(s0, s1)
    c_xor(a2, a3)
    c_sub(a4, a5)
    c_and(x15, x8)
