# ldr with a bad address ends as an unsupported instruction.
@micropython.asm_thumb
def f(r0):
    ldr(r0, 5)
