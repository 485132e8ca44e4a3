# s32 does not exist (the message says r31).
@micropython.asm_thumb
def f(r0):
    vneg(s32, s0)
