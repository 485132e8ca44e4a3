# A dict of registers: its items are not registers.
@micropython.asm_thumb
def f(r0):
    push({r0: r1, r2: r3})
