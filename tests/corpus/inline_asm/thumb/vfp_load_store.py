# vldr/vstr with word offsets up to 1020.
@micropython.asm_thumb
def fcopy(r0, r1):
    vldr(s0, [r0, 0])
    vldr(s31, [r0, 1020])
    vstr(s0, [r1, 4])
    vstr(s16, [r7, 64])
