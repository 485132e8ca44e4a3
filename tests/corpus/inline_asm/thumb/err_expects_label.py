# A branch to something that is not a name.
@micropython.asm_thumb
def f(r0):
    b(4)
