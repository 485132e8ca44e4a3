# mpy-cross -march=ARCH
# viper while/else and for/else with break on native ints
import micropython

@micropython.viper
def first_div(n: int, lo: int) -> int:
    d = lo
    while d < n:
        if n % d == 0:
            break
        d += 1
    else:
        return -1
    return d

@micropython.viper
def has_zero(buf, n: int) -> bool:
    p = ptr8(buf)
    for i in range(n):
        if p[i] == 0:
            break
    else:
        return False
    return True

print(first_div(91, 2), first_div(97, 2), has_zero(b'ab\x00', 3), has_zero(b'abc', 3))
