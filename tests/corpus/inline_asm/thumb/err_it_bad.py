# it with a letter other than t/e, and with a bad condition.
@micropython.asm_thumb
def f(r0):
    itx(eq)
