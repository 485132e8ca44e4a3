# All six branches backwards.
@micropython.asm_rv32
def f(a0, a1):
    label(top)
    beq(a0, a1, top)
    bne(a0, a1, top)
    blt(a0, a1, top)
    bge(a0, a1, top)
    bltu(a0, a1, top)
    bgeu(a0, a1, top)
