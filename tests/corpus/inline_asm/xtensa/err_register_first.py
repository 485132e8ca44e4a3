# addi reports a bad register before a bad immediate.
@micropython.asm_xtensa
def f(a2):
    addi(x, a2, 1000)
