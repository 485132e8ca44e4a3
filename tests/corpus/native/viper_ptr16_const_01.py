# mpy-cross -march=ARCH
# viper ptr16: loads and stores at constant indices 0..5
import micropython
import array

@micropython.viper
def shift_up(a):
    p = ptr16(a)
    p[5] = p[4]
    p[4] = p[3]
    p[3] = p[2]
    p[2] = p[1]
    p[1] = p[0]
    p[0] = 0

arr = array.array('H', [9, 8, 7, 6, 5, 4])
shift_up(arr)
print(list(arr))
