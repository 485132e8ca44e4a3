# movw/movt and the movwt convenience pair, on any register but pc.
@micropython.asm_thumb
def constants(r0):
    movw(r0, 0)
    movw(r1, 0xffff)
    movt(r1, 0x1234)
    movwt(r8, 0xdeadbeef)
    movwt(r2, -1)
    movw(lr, 4660)
