# mpy-cross -march=ARCH
# viper int immediates of every shape the Thumb/ARM constant loaders distinguish (byte, shifted byte, 16 bits, 32 bits, negatives)
import micropython

@micropython.viper
def pos() -> int:
    s = 0
    s ^= 0
    s ^= 1
    s ^= 255
    s ^= 256
    s ^= 0x1FE
    s ^= 0xFF00
    s ^= 0x7F8000
    s ^= 0xFFFF
    s ^= 0x10000
    s ^= 0x12345
    s ^= 0xFF00000
    s ^= 0x3FFFFFFF
    s ^= 0x10001
    s ^= 0x2000000
    return s

@micropython.viper
def neg() -> int:
    s = 0
    s += -1
    s += -255
    s += -256
    s += -0x1FE
    s += -0xFFFF
    s += -0x10000
    s += -0x12345
    s += -0xFF00000
    s += -0x40000000
    s += -0x3FFFFFFF
    return s

@micropython.viper
def unsigned(x: uint) -> uint:
    return (x ^ uint(0xABCDE)) + uint(0x1000)

print(pos(), neg(), unsigned(7))
