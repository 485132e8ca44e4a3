# mpy-cross -march=ARCH
# viper ptr8: byte reversal in place with two moving indices
import micropython

@micropython.viper
def reverse(buf, n: int):
    p = ptr8(buf)
    i = 0
    j = n - 1
    while i < j:
        t = p[i]
        p[i] = p[j]
        p[j] = t
        i += 1
        j -= 1

b = bytearray(b'abcdefg')
reverse(b, 7)
print(b)
