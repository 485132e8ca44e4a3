@micropython.asm_rv32
def f(): pass
