# cm.mva01s with the same register twice.
@micropython.asm_rv32
def f(a0):
    cm_mva01s(s1, s1)
