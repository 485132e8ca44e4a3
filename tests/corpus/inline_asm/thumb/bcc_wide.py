# b<cc>_w: 32-bit conditional branches, here over more than the 16-bit range.
@micropython.asm_thumb
def far(r0):
    label(start)
    cmp(r0, 0)
    beq_w(end)
    bne_w(start)
    data(2, 0)
    data(4, 0x11111111, 0x22222222)
    data(1, 0)
    data(1, 0)
    data(2, 0)
    data(2, 0)
    align(2)
    label(end)
    bgt_w(start)
    blt_w(end)
