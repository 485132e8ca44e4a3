# align(-4) widens a 32-bit mask: the code offset jumps past 4 GiB and the code cannot be allocated.
@micropython.asm_thumb
def f():
    nop()
    nop()
    align(-4)
    nop()
