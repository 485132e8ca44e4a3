# Several labels and loops in one function.
@micropython.asm_thumb
def nested(r0, r1):
    mov(r2, 0)
    label(outer)
    mov(r3, r1)
    label(inner)
    add(r2, r2, 1)
    sub(r3, 1)
    bne(inner)
    sub(r0, 1)
    bgt(outer)
    mov(r0, r2)
    b(end)
    label(unused)
    nop()
    label(end)
