# l32r from a word-aligned position to a word-aligned literal behind it (align() makes both).
@micropython.asm_xtensa
def f(a2):
    j(code)
    align(4)
    label(lit)
    data(4, 0x12345678)
    label(code)
    align(4)
    l32r(a2, lit)
    align(4)
    l32r(a3, lit)
