# li picks c.li, addi or lui(+addi) by the value.
@micropython.asm_rv32
def f(a0):
    li(a0, 0)
    li(a1, 31)
    li(a2, -32)
    li(a3, 2047)
    li(a4, -2048)
    li(a5, 4096)
    li(a6, 0x12345678)
    li(a7, 0x7ffff800)
    li(t0, -1)
    li(t1, 0x80000000)
    li(t2, (1 << 32) + 5)
    li(zero, 3)
