# mpy-cross -march=ARCH
# viper function updating an object's attributes in a loop (store_attr of native ints)
import micropython

class Stats:
    def __init__(self):
        self.n = 0
        self.total = 0

@micropython.viper
def add_all(st, buf, n: int):
    p = ptr8(buf)
    t = 0
    for i in range(n):
        t += p[i]
    st.n = n
    st.total = t

s = Stats()
add_all(s, bytearray(range(10)), 10)
print(s.n, s.total)
