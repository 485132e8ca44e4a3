# A number where a label is needed.
@micropython.asm_xtensa
def f(a2):
    beqz(a2, 4)
