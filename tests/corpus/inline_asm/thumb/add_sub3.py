# Format 2: three low registers, or two and a 3-bit immediate.
@micropython.asm_thumb
def add_sub(r0, r1, r2):
    add(r0, r1, r2)
    sub(r3, r0, r1)
    add(r4, r3, 7)
    sub(r5, r4, 0)
    add(r7, r7, 1)
