# A set with something other than a register.
@micropython.asm_thumb
def f(r0):
    pop({r0, 5})
