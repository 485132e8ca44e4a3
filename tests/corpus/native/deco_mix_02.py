# mpy-cross -march=ARCH
# decorators: @micropython.viper nested in @native, plain decorators applied around native functions
import micropython

def tag(f):
    def w(*a):
        return ('tag', f(*a))
    return w

@tag
@micropython.native
def nat(a, b):
    @micropython.viper
    def fast(x: int, y: int) -> int:
        return x * y + 1
    return fast(a, b)

print(nat(6, 7))
