# mpy-cross -march=ARCH
# viper pointer accesses at negative and large constant indices whose value and base registers collide with the scratch registers (expressions as values, pointers from arguments, loads feeding stores)
import micropython

@micropython.viper
def chain(src, dst, n: int) -> int:
    s = ptr16(uint(ptr8(src)) + 1000)
    d = ptr32(uint(ptr8(dst)) + 2000)
    d[-1] = s[-1] + n
    d[-40] = s[-40] * n
    d[300] = s[-300] + s[300]
    d[-300] = d[-1] + d[-40] + d[300]
    return d[-300]

@micropython.viper
def mix(b, i: int) -> int:
    p = ptr8(uint(ptr8(b)) + 3000)
    q = ptr16(uint(ptr8(b)) + 3000)
    p[-5] = i
    q[-7] = p[-5] + p[i]
    p[i - 10] = q[-7]
    p[-2999] = p[-5] + 1
    q[1200] = q[-1499] + 2
    return p[-5] + q[-7] + p[i - 10] + p[-2999] + q[1200]

src = bytearray(2000)
for k in range(2000):
    src[k] = (k * 7) & 0xff
dst = bytearray(4000)
print(chain(src, dst, 3), chain(src, dst, 9), sum(dst))
b = bytearray(6000)
print(mix(b, 20), mix(b, -20), sum(b))
