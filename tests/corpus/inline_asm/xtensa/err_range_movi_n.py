# movi_n beyond -32..95.
@micropython.asm_xtensa
def f(a2):
    movi_n(a2, 96)
