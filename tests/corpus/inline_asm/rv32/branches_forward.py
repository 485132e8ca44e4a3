# Forward branches (the label is found in the emit pass).
@micropython.asm_rv32
def max2(a0, a1):
    bge(a0, a1, done)
    mv(a0, a1)
    label(done)
