# mpy-cross -march=ARCH
# viper nested loops with continue and break on different levels
import micropython

@micropython.viper
def pairs(n: int) -> int:
    count = 0
    for i in range(n):
        if i == 2:
            continue
        for j in range(n):
            if j > i:
                break
            if (i + j) % 2:
                continue
            count += 1
    return count

print(pairs(6), pairs(1), pairs(0))
