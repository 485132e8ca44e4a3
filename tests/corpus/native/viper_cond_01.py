# mpy-cross -march=ARCH
# viper conditional expressions and boolean operators on native values
import micropython

@micropython.viper
def clamp(x: int, lo: int, hi: int) -> int:
    return lo if x < lo else (hi if x > hi else x)

@micropython.viper
def both(a: int, b: int) -> int:
    return a and b

@micropython.viper
def either(a: int, b: int) -> int:
    return a or b

print(clamp(5, 0, 10), clamp(-5, 0, 10), clamp(50, 0, 10))
print(both(3, 4), both(0, 4), either(0, 7), either(2, 7))
