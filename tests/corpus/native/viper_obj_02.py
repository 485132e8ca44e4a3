# mpy-cross -march=ARCH
# viper: dict and string objects, method calls with native arguments converted to objects
import micropython

@micropython.viper
def tally(words) -> object:
    counts = {}
    for w in words:
        counts[w] = int(counts.get(w, 0)) + 1
    n = int(len(counts))
    return sorted(counts.items()), n + 1

print(tally(['a', 'b', 'a', 'c', 'a']))
