# mpy-cross -march=ARCH
# @native try/finally inside a generator-free loop with return from finally-protected code
import micropython

@micropython.native
def search(rows, target):
    visited = 0
    for r in rows:
        for v in r:
            try:
                visited += 1
                if v == target:
                    return (visited, v)
            finally:
                visited += 100
    return (visited, None)

print(search([[1, 2], [3, 4]], 3), search([[1]], 9))
