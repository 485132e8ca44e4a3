# const() names and folded expressions as immediates.
from micropython import const

OFFSET = const(8)
MASK = const(0xff)

@micropython.asm_thumb
def f(r0):
    ldr(r1, [r0, OFFSET])
    mov(r2, MASK)
    mov(r3, 1 << 4)
    add(r0, r0, 2 + 3)
