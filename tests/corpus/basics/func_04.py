# function with more than 16 locals (LOAD_FAST_N / STORE_FAST_N)
def many_locals(a0, a1, a2):
    a3 = a0 + a1
    a4 = a3 + a2
    a5 = a4 * 2
    a6 = a5 - 1
    a7 = a6 + a0
    a8 = a7 + a1
    a9 = a8 + a2
    a10 = a9 + 1
    a11 = a10 + 1
    a12 = a11 + 1
    a13 = a12 + 1
    a14 = a13 + 1
    a15 = a14 + 1
    a16 = a15 + 1
    a17 = a16 + 1
    a18 = a17 * 2
    a19 = a18 + a17
    a20 = a19 - a16
    return [a0, a5, a10, a15, a16, a17, a18, a19, a20]
print(many_locals(1, 2, 3))
