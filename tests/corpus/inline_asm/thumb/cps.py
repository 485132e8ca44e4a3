# cpsid/cpsie (the argument is not looked at).
@micropython.asm_thumb
def critical(r0):
    cpsid(i)
    add(r0, r0, 1)
    cpsie(i)
