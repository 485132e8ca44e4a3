# mpy-cross -march=ARCH
# viper int: augmented assignment forms on locals
import micropython

@micropython.viper
def aug(n: int) -> int:
    x = n
    x += 5
    x -= 2
    x *= 3
    x <<= 2
    x >>= 1
    x &= 0xfff
    x |= 0x1000
    x ^= 0x0f0f
    x //= 3
    x %= 1000
    return x

print(aug(10), aug(123), aug(-4))
