# A branch to a label never defined.
@micropython.asm_rv32
def f(a0):
    jal(ra, nowhere)
