# nop (wide), nop_n, and ret/ret_n (both written as ret.n).
@micropython.asm_xtensa
def f():
    nop()
    nop_n()
    ret_n()
    ret()
