# Hardware division.
@micropython.asm_thumb
def divide(r0, r1):
    sdiv(r2, r0, r1)
    udiv(r3, r0, r1)
    sdiv(r0, r2, r3)
    udiv(r8, r9, r10)
