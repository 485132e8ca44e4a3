# An instruction the Xtensa assembler does not have.
@micropython.asm_xtensa
def f(a2):
    extui(a2, a3, 1, 2)
