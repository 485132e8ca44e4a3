# mpy-cross -march=ARCH
# viper while loops with break and continue on native ints
import micropython

@micropython.viper
def collatz(n: int) -> int:
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n = n >> 1
        steps += 1
    return steps

@micropython.viper
def skip(n: int) -> int:
    s = 0
    i = 0
    while True:
        i += 1
        if i > n:
            break
        if i % 3 == 0:
            continue
        s += i
    return s

print(collatz(27), collatz(1), skip(10))
