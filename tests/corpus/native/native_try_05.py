# mpy-cross -march=ARCH
# @native continue inside try/finally in a while loop, nested finally chain
import micropython

@micropython.native
def f(n):
    seen = []
    i = 0
    while i < n:
        i += 1
        try:
            try:
                if i % 2:
                    continue
                seen.append(i)
            finally:
                seen.append(-i)
        finally:
            seen.append(0)
    return seen

print(f(4))
