# A number where a register is needed.
@micropython.asm_thumb
def f(r0):
    mov(r0, r1)
    neg(5, r0)
