# An if statement in an assembler function.
@micropython.asm_xtensa
def f(a2):
    if a2:
        nop()
