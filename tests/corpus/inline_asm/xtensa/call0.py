# call0 from a position whose return address is word-aligned, to a word-aligned label.
@micropython.asm_xtensa
def f(a2):
    align(4)
    data(1, 0)
    call0(sub)
    ret_n()
    align(4)
    label(sub)
    addi(a2, a2, 1)
    ret_n()
