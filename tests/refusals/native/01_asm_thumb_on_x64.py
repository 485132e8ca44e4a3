# mpy-cross-args: -march=x64
# Thumb inline assembler requested while targeting x64
import micropython
@micropython.asm_thumb
def f(r0):
    add(r0, r0, 1)
