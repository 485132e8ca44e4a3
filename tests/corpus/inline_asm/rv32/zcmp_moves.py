# cm.mva01s/cm.mvsa01 between a0/a1 and two different s registers.
@micropython.asm_rv32
def f(a0, a1):
    cm_mvsa01(s0, s1)
    cm_mva01s(s2, s7)
    cm_mvsa01(s7, s2)
