# A zero test to a label 100 KiB away (within j's range).
@micropython.asm_xtensa
def f(a2):
    label(top)
    data(100000, 0)
    bgez(a2, top)
