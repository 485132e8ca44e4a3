# Two-register VFP instructions: compare, square root, negate, conversions.
@micropython.asm_thumb
def fsqrt(r0):
    vmov(s0, r0)
    vcvt_f32_s32(s1, s0)
    vsqrt(s2, s1)
    vneg(s3, s2)
    vcmp(s3, s2)
    vmrs(APSR_nzcv, FPSCR)
    vcvt_s32_f32(s31, s3)
    vmrs(r1, FPSCR)
    vmov(r0, s31)
