# An immediate outside its field.
@micropython.asm_thumb
def f(r0):
    mov(r0, 256)
