# mpy-cross -march=ARCH
# integer constants around every immediate width (movi.n, movi, l32r; c.li, addi, lui/c.lui)
import micropython

@micropython.viper
def vconst() -> int:
    s = 0
    s = s ^ (0)
    s = s ^ (1)
    s = s ^ (-1)
    s = s ^ (31)
    s = s ^ (32)
    s = s ^ (-32)
    s = s ^ (-33)
    s = s ^ (95)
    s = s ^ (96)
    s = s ^ (127)
    s = s ^ (128)
    s = s ^ (-128)
    s = s ^ (-129)
    s = s ^ (255)
    s = s ^ (256)
    s = s ^ (2047)
    s = s ^ (2048)
    s = s ^ (-2048)
    s = s ^ (-2049)
    s = s ^ (4095)
    s = s ^ (4096)
    s = s ^ (32767)
    s = s ^ (32768)
    s = s ^ (65535)
    s = s ^ (65536)
    s = s ^ (524287)
    s = s ^ (524288)
    s = s ^ (74565)
    s = s ^ (524287)
    s = s ^ (1073741823)
    s = s ^ (-1073741824)
    return s

@micropython.viper
def vuconst() -> uint:
    s = uint(0)
    s = s + uint(0)
    s = s + uint(1)
    s = s + uint(31)
    s = s + uint(32)
    s = s + uint(95)
    s = s + uint(96)
    s = s + uint(127)
    s = s + uint(128)
    s = s + uint(255)
    s = s + uint(256)
    s = s + uint(2047)
    s = s + uint(2048)
    s = s + uint(4095)
    s = s + uint(4096)
    s = s + uint(32767)
    s = s + uint(32768)
    s = s + uint(65535)
    s = s + uint(65536)
    s = s + uint(524287)
    s = s + uint(524288)
    s = s + uint(74565)
    s = s + uint(524287)
    s = s + uint(1073741823)
    return s

@micropython.native
def nconst():
    return [0, 1, -1, 31, 32, -32, -33, 95, 96, 127, 128, -128, -129, 255, 256, 2047, 2048, -2048, -2049, 4095, 4096, 32767, 32768, 65535, 65536, 524287, 524288, 74565, 524287, 1073741823, -1073741824]

print(vconst(), vuconst(), nconst())
