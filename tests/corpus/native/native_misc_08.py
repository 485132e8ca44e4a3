# mpy-cross -march=ARCH
# @native: integer, float and complex arithmetic on objects
import micropython

@micropython.native
def math_mix(a, b):
    return (a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a, abs(b), (1+2j) * a)

print(math_mix(7, 2))
print(math_mix(7.5, -2))
