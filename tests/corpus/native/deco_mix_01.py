# mpy-cross -march=ARCH
# decorators: a @micropython.bytecode function nested in a @native one keeps bytecode, others inherit native
import micropython

@micropython.native
def outer(n):
    @micropython.bytecode
    def bc(x):
        return x + 1
    def inherits(x):
        return x * 2
    return bc(n), inherits(n), [inherits(i) for i in range(n)]

print(outer(3))
