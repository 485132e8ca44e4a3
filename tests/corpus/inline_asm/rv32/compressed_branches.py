# c.beqz/c.bnez/c.j/c.jal.
@micropython.asm_rv32
def f(a0):
    label(top)
    c_beqz(a0, top)
    c_bnez(s1, done)
    c_j(top)
    c_jal(done)
    c_nop()
    label(done)
