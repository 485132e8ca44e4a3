# The literal table of a second function (the first code-size pass reuses the previous count).
@micropython.asm_xtensa
def f(a2):
    movi(a2, 100000)
    movi(a3, 200000)
    movi(a4, 300000)

@micropython.asm_xtensa
def g(a2):
    label(top)
    movi(a2, 7)
    j(top)

@micropython.asm_xtensa
def h():
    nop()
