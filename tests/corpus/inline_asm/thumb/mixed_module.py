# Inline assembler functions among bytecode: methods, nested functions, closures around them.
import micropython

X = 3

@micropython.asm_thumb
def add3(r0, r1, r2) -> uint:
    add(r0, r0, r1)
    add(r0, r0, r2)

class Acc:
    @micropython.asm_thumb
    def seven(r0):
        mov(r0, 7)

    def scaled(self, k):
        return [i * k for i in range(X)]

def make(y):
    @micropython.asm_thumb
    def countdown(r0) -> bool:
        label(loop)
        sub(r0, 1)
        bne(loop)
    def get():
        return y
    return countdown, get

print(add3(1, 2, 3), Acc().scaled(2), make(5)[1]())
