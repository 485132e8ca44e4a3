# lui/auipc take the upper 20 bits as the argument.
@micropython.asm_rv32
def f(a0):
    lui(a0, 0x12345)
    lui(a1, 0xfffff)
    lui(a2, -1)
    auipc(a3, 0)
    auipc(a4, 0x80000)
