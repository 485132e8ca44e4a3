# ABI names and x0..x31 name the same registers (fp is not a name).
@micropython.asm_rv32
def f(x10, x11):
    add(x5, x6, x7)
    add(t0, t1, t2)
    add(zero, ra, sp)
    add(gp, tp, s0)
    add(s11, s10, t6)
