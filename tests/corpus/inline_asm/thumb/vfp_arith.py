# VFP arithmetic (armv7emsp/armv7emdp only).
@micropython.asm_thumb
def fma(r0, r1):
    vmov(s0, r0)
    vmov(s1, r1)
    vadd(s2, s0, s1)
    vsub(s3, s2, s0)
    vmul(s31, s3, s30)
    vdiv(s17, s16, s15)
    vmov(r0, s2)
