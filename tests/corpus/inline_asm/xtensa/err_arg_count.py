# A known instruction with the wrong number of arguments.
@micropython.asm_xtensa
def f(a2):
    nop(a2)
