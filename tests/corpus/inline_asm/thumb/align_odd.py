# align() with non powers of two, and 0 (which rewinds to the start of the code).
@micropython.asm_thumb
def f():
    nop()
    nop()
    align(3)
    nop()
    align(5)
    nop()
    align(0)
    wfi()
