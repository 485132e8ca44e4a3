# Forward zero tests take the long form.
@micropython.asm_xtensa
def f(a2):
    beqz(a2, out)
    addi(a2, a2, -1)
    bltz(a2, out)
    bnez_n(a2, out)
    nop()
    label(out)
