# mpy-cross -march=ARCH
# viper pointer loads and stores at constant indices across every Thumb/ARM offset limit (imm5, imm8, imm12, beyond)
import micropython

buf = bytearray(24000)

@micropython.viper
def fill_ptr8(b):
    p = ptr8(b)
    p[0] = 3
    p[1] = 4
    p[5] = 5
    p[31] = 6
    p[32] = 7
    p[63] = 8
    p[100] = 9
    p[127] = 10
    p[255] = 11
    p[256] = 12
    p[1000] = 13
    p[1023] = 14
    p[1024] = 15
    p[2047] = 16
    p[4095] = 17
    p[4096] = 18
    p[5000] = 19

@micropython.viper
def sum_ptr8(b) -> int:
    p = ptr8(b)
    s = 0
    s += p[0]
    s += p[1]
    s += p[5]
    s += p[31]
    s += p[32]
    s += p[63]
    s += p[100]
    s += p[127]
    s += p[255]
    s += p[256]
    s += p[1000]
    s += p[1023]
    s += p[1024]
    s += p[2047]
    s += p[4095]
    s += p[4096]
    s += p[5000]
    return s

fill_ptr8(buf)
print('ptr8', sum_ptr8(buf))

@micropython.viper
def fill_ptr16(b):
    p = ptr16(b)
    p[0] = 3
    p[1] = 4
    p[5] = 5
    p[31] = 6
    p[32] = 7
    p[63] = 8
    p[100] = 9
    p[127] = 10
    p[255] = 11
    p[256] = 12
    p[1000] = 13
    p[1023] = 14
    p[1024] = 15
    p[2047] = 16
    p[4095] = 17
    p[4096] = 18
    p[5000] = 19

@micropython.viper
def sum_ptr16(b) -> int:
    p = ptr16(b)
    s = 0
    s += p[0]
    s += p[1]
    s += p[5]
    s += p[31]
    s += p[32]
    s += p[63]
    s += p[100]
    s += p[127]
    s += p[255]
    s += p[256]
    s += p[1000]
    s += p[1023]
    s += p[1024]
    s += p[2047]
    s += p[4095]
    s += p[4096]
    s += p[5000]
    return s

fill_ptr16(buf)
print('ptr16', sum_ptr16(buf))

@micropython.viper
def fill_ptr32(b):
    p = ptr32(b)
    p[0] = 3
    p[1] = 4
    p[5] = 5
    p[31] = 6
    p[32] = 7
    p[63] = 8
    p[100] = 9
    p[127] = 10
    p[255] = 11
    p[256] = 12
    p[1000] = 13
    p[1023] = 14
    p[1024] = 15
    p[2047] = 16
    p[4095] = 17
    p[4096] = 18
    p[5000] = 19

@micropython.viper
def sum_ptr32(b) -> int:
    p = ptr32(b)
    s = 0
    s += p[0]
    s += p[1]
    s += p[5]
    s += p[31]
    s += p[32]
    s += p[63]
    s += p[100]
    s += p[127]
    s += p[255]
    s += p[256]
    s += p[1000]
    s += p[1023]
    s += p[1024]
    s += p[2047]
    s += p[4095]
    s += p[4096]
    s += p[5000]
    return s

fill_ptr32(buf)
print('ptr32', sum_ptr32(buf))
