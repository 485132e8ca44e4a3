# mpy-cross -march=ARCH
# viper uint: +, -, * and bit operations stay unsigned
import micropython

@micropython.viper
def mix(a: uint, b: uint) -> uint:
    return (a + b) * uint(3) - (a & b) + (a | b) - (a ^ b)

print(mix(10, 3), mix(0, 0), mix(1000, 999))
