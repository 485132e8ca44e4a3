# label() needs exactly one name.
@micropython.asm_thumb
def f(r0):
    label(1)
