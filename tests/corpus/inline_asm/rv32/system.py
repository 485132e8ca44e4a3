# ecall and ebreak, c.ebreak, c.nop.
@micropython.asm_rv32
def f():
    c_nop()
    ecall()
    ebreak()
    c_ebreak()
