# clz and rbit on low and high registers.
@micropython.asm_thumb
def bits(r0):
    clz(r1, r0)
    rbit(r2, r1)
    clz(r9, r10)
    rbit(r0, r12)
