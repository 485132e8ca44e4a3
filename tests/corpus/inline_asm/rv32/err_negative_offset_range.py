# -offset(base) beyond 12 bits.
@micropython.asm_rv32
def f(a0):
    lw(a1, -2049(a0))
