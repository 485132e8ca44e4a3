# addmi: multiples of 256 from -32768 to 32512.
@micropython.asm_xtensa
def f(a2):
    addmi(a2, a2, 256)
    addmi(a3, a2, -32768)
    addmi(a4, a3, 32512)
    addmi(a5, a4, 0)
