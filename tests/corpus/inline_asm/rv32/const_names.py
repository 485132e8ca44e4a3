# const() names as immediates.
from micropython import const

OFF = const(8)
MASK = const(0x7f)

@micropython.asm_rv32
def f(a0):
    lw(a1, OFF(a0))
    andi(a2, a1, MASK)
    addi(a0, a0, -OFF)
