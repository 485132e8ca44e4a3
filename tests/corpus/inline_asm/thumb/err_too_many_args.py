# Five arguments: no instruction takes them.
@micropython.asm_thumb
def f(r0):
    add(r0, r1, r2, r3, r4)
