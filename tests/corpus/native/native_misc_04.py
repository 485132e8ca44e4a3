# mpy-cross -march=ARCH
# @native: dict and set comprehensions, sorting with key functions
import micropython

@micropython.native
def index(words):
    by_len = {}
    for w in words:
        by_len.setdefault(len(w), []).append(w)
    firsts = {w[0] for w in words}
    return sorted(by_len.items()), sorted(firsts), sorted(words, key=lambda w: (-len(w), w))

print(index(['bb', 'a', 'ccc', 'dd', 'e']))
