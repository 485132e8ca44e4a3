# mpy-cross -march=ARCH
# viper uint operator <<: unsigned results converted back to Python ints
import micropython

@micropython.viper
def op(a: uint, b: uint) -> uint:
    return a << b

@micropython.viper
def op_int_rhs(a: uint, b: int) -> uint:
    return a << uint(b)

for a, b in ((7, 3), (0xff, 4), (1, 1), (0, 2), (12345, 6)):
    print(a, b, op(a, b), op_int_rhs(a, b))
