# Every three-register ALU operation.
@micropython.asm_xtensa
def alu(a2, a3, a4):
    add(a2, a3, a4)
    sub(a5, a2, a3)
    and_(a6, a5, a4)
    or_(a7, a6, a2)
    xor(a8, a7, a3)
    mull(a9, a8, a4)
    addx2(a10, a9, a2)
    addx4(a11, a10, a3)
    addx8(a12, a11, a4)
    subx2(a13, a12, a2)
    subx4(a14, a13, a3)
    subx8(a15, a14, a4)
    src(a2, a15, a0)
