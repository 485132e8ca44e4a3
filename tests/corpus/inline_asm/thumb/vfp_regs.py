# S registers as MicroPython reads them: leading zeros are accepted.
@micropython.asm_thumb
def f(r0):
    vmov(s01, r0)
    vadd(s007, s1, s2)
    vmov(r14, s31)
