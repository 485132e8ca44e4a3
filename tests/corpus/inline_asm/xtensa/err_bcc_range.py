# A register branch beyond j's 128 KiB backwards.
@micropython.asm_xtensa
def f(a2, a3):
    label(top)
    data(140000, 0)
    bne(a2, a3, top)
