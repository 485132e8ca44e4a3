# A counting loop.
@micropython.asm_rv32
def sum_to(a0):
    li(a1, 0)
    label(loop)
    add(a1, a1, a0)
    addi(a0, a0, -1)
    bne(a0, zero, loop)
    mv(a0, a1)
