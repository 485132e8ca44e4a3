# mpy-cross -march=ARCH
# viper int arithmetic: + - * with locals kept in registers and on the stack
import micropython

@micropython.viper
def arith(a: int, b: int) -> int:
    c = a + b
    d = a - b
    e = c * d
    return e + c - d

print(arith(7, 3), arith(-5, 12), arith(0, 0))
