# const() names as immediates.
from micropython import const

STEP = const(4)
BIG = const(0x1000)

@micropython.asm_xtensa
def f(a2):
    addi(a2, a2, STEP)
    movi(a3, BIG)
    l32i(a4, a2, STEP * 2)
