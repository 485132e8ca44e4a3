# 16-bit push/pop: low registers, lr on push, pc on pop, one-element and trailing-comma lists.
@micropython.asm_thumb
def save(r0):
    push({r4, r5, r6})
    push({r0, lr})
    push({r7,})
    pop({r7})
    pop({r0, pc})
    pop({r4, r5, r6})
    push({lr})
    pop({pc})
