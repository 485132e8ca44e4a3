# A v-instruction the VFP table does not have.
@micropython.asm_thumb
def f(r0):
    vabs(s0, s1)
