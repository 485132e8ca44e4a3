# Zba's shift-and-add: valid only with -march-flags=zba.
@micropython.asm_rv32
def index(a0, a1):
    sh1add(a2, a1, a0)
    sh2add(a3, a1, a0)
    sh3add(a4, a1, a0)
