# b<cc>_w across 8 KiB and 600 KiB of data (the J1/J2 bits of the offset).
@micropython.asm_thumb
def far(r0):
    label(a)
    bmi_w(b)
    data(4096, 0)
    data(4096, 0)
    label(b)
    bhi_w(a)
    bls_w(c)
    data(600000, 0)
    label(c)
    bvs_w(a)
