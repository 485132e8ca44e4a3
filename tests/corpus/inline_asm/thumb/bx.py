# bx on registers up to pc.
@micropython.asm_thumb
def jump(r0):
    bx(lr)
    bx(r0)
    bx(r8)
    bx(pc)
