# Not a register (a16 does not exist).
@micropython.asm_xtensa
def f(a2):
    mov(a16, a2)
