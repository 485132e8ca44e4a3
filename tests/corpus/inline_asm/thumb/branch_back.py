# Backward branches: b and b<cc> to a loop head.
@micropython.asm_thumb
def count(r0):
    mov(r1, 0)
    label(loop)
    add(r1, r1, 1)
    sub(r0, 1)
    bne(loop)
    cmp(r1, 10)
    blt(loop)
    b(loop)
