# la: auipc+addi to a label (never shortened), including a low part with bit 11 set.
@micropython.asm_rv32
def f(a0):
    label(here)
    la(a0, here)
    la(a1, table)
    data(3000, 0)
    label(table)
    data(4, 0x12345678)
