# push/pop with high registers: 32 bits on ARMv7-M, refused on ARMv6-M.
@micropython.asm_thumb
def save_high(r0):
    push({r4, r8, r9, lr})
    pop({r4, r8, r9, pc})
