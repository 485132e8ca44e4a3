# A zero test beyond j's 128 KiB.
@micropython.asm_xtensa
def f(a2):
    beqz(a2, far)
    data(140000, 0)
    label(far)
