# mpy-cross picks the assembler by -march: asm_thumb assembles Xtensa here.
@micropython.asm_thumb
def f(a2):
    movi_n(a2, 1)
