# function with more than 16 parameters and locals (LOAD_FAST_N for arguments)
def wide(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, p16, p17, p18, p19):
    s = p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9
    t = p10 + p11 + p12 + p13 + p14 + p15 + p16 + p17 + p18 + p19
    p19 = s - t
    return s, t, p19, p16, p17
print(wide(*range(20)))
