# mov between low and high registers and the aliases sl fp sp lr pc.
@micropython.asm_thumb
def shuffle(r0, r1):
    mov(r2, r0)
    mov(r8, r1)
    mov(r0, r8)
    mov(r12, sp)
    mov(sl, fp)
    mov(r11, lr)
    mov(r3, pc)
    mov(r15, r14)
