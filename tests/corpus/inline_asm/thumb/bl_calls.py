# bl to a subroutine before and after the call.
@micropython.asm_thumb
def outer(r0):
    push({lr})
    bl(double)
    bl(double)
    pop({pc})
    label(double)
    add(r0, r0, r0)
    bx(lr)
    label(tail)
    bl(tail)
