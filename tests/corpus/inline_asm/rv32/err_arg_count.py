# A known instruction with the wrong number of arguments.
@micropython.asm_rv32
def f(a0):
    add(a0, a1)
