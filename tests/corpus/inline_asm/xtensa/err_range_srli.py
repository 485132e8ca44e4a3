# srli by 16.
@micropython.asm_xtensa
def f(a2):
    srli(a2, a2, 16)
