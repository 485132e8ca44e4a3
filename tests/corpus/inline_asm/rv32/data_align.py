# data() and align().
@micropython.asm_rv32
def f():
    c_j(code)
    data(1, 1, 2, 3)
    align(4)
    data(4, 0xdeadbeef)
    data(2, -1)
    label(code)
    c_nop()
