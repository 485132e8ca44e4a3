# All sixteen format 4 operations on low registers.
@micropython.asm_thumb
def alu(r0, r1):
    and_(r0, r1)
    eor(r0, r1)
    lsl(r0, r1)
    lsr(r0, r1)
    asr(r0, r1)
    adc(r2, r3)
    sbc(r4, r5)
    ror(r6, r7)
    tst(r0, r7)
    neg(r1, r0)
    cmp(r2, r1)
    cmn(r3, r2)
    orr(r4, r3)
    mul(r5, r4)
    bic(r6, r5)
    mvn(r7, r6)
