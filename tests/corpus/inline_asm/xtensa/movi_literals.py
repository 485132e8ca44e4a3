# movi always loads from the literal table at the start of the code.
@micropython.asm_xtensa
def f(a2):
    movi(a2, 1)
    movi(a3, 0x12345678)
    movi(a4, -1)
    movi(a5, 0x12345678)
    label(here)
    movi(a6, 2047)
    beqz(a2, here)
