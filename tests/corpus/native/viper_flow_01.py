# mpy-cross -march=ARCH
# viper if/elif/else chains on native ints
import micropython

@micropython.viper
def grade(score: int) -> int:
    if score >= 90:
        return 4
    elif score >= 80:
        return 3
    elif score >= 70:
        return 2
    elif score >= 60:
        return 1
    else:
        return 0

print([grade(s) for s in (95, 85, 75, 65, 10)])
