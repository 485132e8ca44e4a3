# data() of 1, 2, 4 and 8 bytes, long values, and align().
@micropython.asm_thumb
def table():
    b(after)
    data(1, 1, 2, 300)
    align(4)
    data(4, 0x12345678, -1)
    data(2, 0xbeef)
    data(8, 0x0102030405060708)
    data(3, 0x123456)
    data(16, 0x0102030405060708090a)
    align(8)
    label(after)
    nop()
