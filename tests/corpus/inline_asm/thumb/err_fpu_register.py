# A core register where an S register is needed.
@micropython.asm_thumb
def f(r0):
    vadd(s0, s1, r2)
