# addi from -128 to 127.
@micropython.asm_xtensa
def f(a2):
    addi(a2, a2, -128)
    addi(a3, a2, 127)
    addi(a1, a1, -16)
    addi(a4, a4, 0)
