# Immediates written as expressions MicroPython folds, and big ints that truncate.
@micropython.asm_thumb
def f(r0):
    mov(r0, 0x10 | 0x01)
    mov(r1, 3 * 5)
    movw(r2, 0xffff & ~0x0f)
    movwt(r3, (1 << 64) + 5)
    movwt(r4, -(1 << 31))
