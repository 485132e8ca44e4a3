# Format 3: movs/cmp/adds/subs with an 8-bit immediate.
@micropython.asm_thumb
def imm8(r0):
    mov(r1, 0)
    mov(r2, 255)
    cmp(r0, 17)
    add(r0, 200)
    sub(r7, 1)
    mov(r0, 0x7f)
