# mpy-cross -march=ARCH
# @native keyword-only arguments without defaults, called in different orders
import micropython

@micropython.native
def kw(*, a, b, c=3):
    return a * 100 + b * 10 + c

print(kw(a=1, b=2), kw(b=5, a=4, c=6))
try:
    kw(1, 2)
except TypeError as e:
    print('TypeError')
