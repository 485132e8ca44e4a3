# Inline assembler among bytecode, in a class and a closure.
import micropython

@micropython.asm_xtensa
def add3(a2, a3, a4) -> uint:
    add(a2, a2, a3)
    add(a2, a2, a4)

class K:
    @micropython.asm_xtensa
    def seven(a2):
        movi_n(a2, 7)

def make(n):
    @micropython.asm_xtensa
    def dec(a2):
        addi(a2, a2, -1)
    return dec, lambda: n

print(add3(1, 2, 3), make(4)[1]())
