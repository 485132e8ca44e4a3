# ssai beyond 31.
@micropython.asm_xtensa
def f(a2):
    ssai(40)
