# mpy-cross -march=ARCH
# viper int: unary minus, invert and plus
import micropython

@micropython.viper
def unary(a: int) -> int:
    b = -a
    c = ~a
    d = +a
    return b * 100 + c * 10 + d

print(unary(3), unary(-2), unary(0))
