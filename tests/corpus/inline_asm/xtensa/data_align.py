# data() and align().
@micropython.asm_xtensa
def f():
    j(code)
    data(1, 1, 2, 3)
    align(4)
    data(4, 0xdeadbeef, -1)
    data(2, 0x1234)
    data(8, 1 << 60)
    label(code)
    nop()
