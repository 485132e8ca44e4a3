# A forward branch: the inverse condition skips a j.
@micropython.asm_xtensa
def max2(a2, a3):
    bge(a2, a3, done)
    mov(a2, a3)
    label(done)
