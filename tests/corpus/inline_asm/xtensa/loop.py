# A counting loop.
@micropython.asm_xtensa
def sum_to(a2):
    movi_n(a3, 0)
    label(loop)
    add(a3, a3, a2)
    addi(a2, a2, -1)
    bnez(a2, loop)
    mov(a2, a3)
