# offset(base) with something other than a register in the parentheses.
@micropython.asm_rv32
def f(a0):
    sw(a1, 4(5))
