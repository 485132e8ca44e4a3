# mpy-cross -march=ARCH
# viper ptr16 with constant indices 0..3 and a stored sum
import micropython
import array

@micropython.viper
def quad(a):
    p = ptr16(a)
    p[3] = p[0] + p[1] + p[2]

arr = array.array('H', [100, 200, 300, 0])
quad(arr)
print(list(arr))
