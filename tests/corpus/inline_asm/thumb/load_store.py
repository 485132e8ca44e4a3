# Formats 9 and 10: loads and stores with the largest offsets of each size.
@micropython.asm_thumb
def copy(r0, r1):
    ldr(r2, [r0, 0])
    ldr(r3, [r0, 124])
    ldrb(r4, [r1, 31])
    ldrh(r5, [r1, 62])
    str(r2, [r1, 4])
    strb(r3, [r1, 0])
    strh(r4, [r0, 2])
    ldr(r0, [r7, 64])
