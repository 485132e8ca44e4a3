# Format 1 shifts by an immediate, 0 to 31.
@micropython.asm_thumb
def shifts(r0, r1):
    lsl(r0, r1, 0)
    lsl(r0, r0, 31)
    lsr(r2, r0, 1)
    lsr(r3, r2, 16)
    asr(r4, r3, 5)
    asr(r7, r6, 31)
