# mpy-cross -march=ARCH -X emit=viper
# whole module viper: module-level code only passes objects around
def mean(xs) -> int:
    s = 0
    n = 0
    for x in xs:
        s += int(x)
        n += 1
    return s // n

vals = [3, 5, 10]
print(mean(vals))
