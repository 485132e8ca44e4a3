# @micropython.asm_xtensa without -march
import micropython
@micropython.asm_xtensa
def f(a2):
    movi(a2, 1)
