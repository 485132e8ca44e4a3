# An inline assembler error after bytecode functions compiled fine.
def g(x):
    return x + 1

@micropython.asm_thumb
def f(r0):
    mov(r0, 1000)
