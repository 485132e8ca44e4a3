# Inline Thumb assembler (compile with -march=armv7m).
@micropython.asm_thumb
def add3(r0, r1, r2):
    add(r0, r0, r1)
    add(r0, r0, r2)


@micropython.asm_thumb
def nop():
    nop()
