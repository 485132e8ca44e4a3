# Compressed register-register instructions: c.mv, c.add, mv, c.jr, c.jalr.
@micropython.asm_rv32
def f(a0, a1):
    c_mv(a2, a1)
    mv(t0, a0)
    c_add(a0, a1)
    c_add(sp, t6)
    c_jalr(t0)
    c_jr(ra)
