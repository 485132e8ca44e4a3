# Inline assembler among bytecode.
import micropython

@micropython.asm_rv32
def add3(a0, a1, a2) -> uint:
    add(a0, a0, a1)
    add(a0, a0, a2)

class K:
    @micropython.asm_rv32
    def seven(a0):
        li(a0, 7)

print(add3(1, 2, 3), [add3(i, i, i) for i in range(2)])
