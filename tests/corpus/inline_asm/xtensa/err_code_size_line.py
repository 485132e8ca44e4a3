# Errors of the code-size passes point at the def on Xtensa.
@micropython.asm_xtensa
def f(a2):
    nop()
    nop()
    frob(a2)
