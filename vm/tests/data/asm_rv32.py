# Inline RISC-V assembler (compile with -march=rv32imc -march-flags=zba).
@micropython.asm_rv32
def add2(a0, a1):
    add(a0, a0, a1)
