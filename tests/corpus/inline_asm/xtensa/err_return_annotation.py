# A return annotation that is not a name.
@micropython.asm_xtensa
def f(a2) -> int[0]:
    nop()
