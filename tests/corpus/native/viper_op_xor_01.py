# mpy-cross -march=ARCH
# viper int operator ^: register operands, a stack-spilled operand and an immediate
import micropython

@micropython.viper
def op(a: int, b: int) -> int:
    return a ^ b

@micropython.viper
def op_imm(a: int) -> int:
    return a ^ 3

@micropython.viper
def op_chain(a: int, b: int, c: int) -> int:
    x = a ^ b
    y = x ^ c
    return y

for a, b in ((7, 3), (-7, 3), (100, 7), (0, 5), (-1, 1)):
    print(a, b, op(a, b), op_imm(a), op_chain(a, b, 2))
