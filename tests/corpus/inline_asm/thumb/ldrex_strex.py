# Exclusive load/store with word offsets.
@micropython.asm_thumb
def atomic_inc(r0):
    label(retry)
    ldrex(r1, [r0, 0])
    add(r1, r1, 1)
    strex(r2, r1, [r0, 0])
    cmp(r2, 0)
    bne(retry)
    ldrex(r3, [r0, 252])
    strex(r8, r9, [r10, 4])
