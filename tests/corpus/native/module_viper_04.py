# mpy-cross -march=ARCH -X emit=viper
# whole module viper: functions with pointer and int parameters called from module code
def saturating_add(buf, n: int, k: int):
    p = ptr8(buf)
    for i in range(n):
        v = p[i] + k
        if v > 255:
            v = 255
        p[i] = v

b = bytearray([10, 200, 250, 0])
saturating_add(b, 4, 20)
print(list(b))
