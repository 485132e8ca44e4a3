# flags:
# Viper functions for the assembler replay test (see scripts/gen-asm-replay-fixtures.py): one
# operation each, so that emitnative.c allocates registers the same way on debug and on x64.
import micropython


@micropython.viper
def add(a: int, b: int) -> int:
    return a + b


@micropython.viper
def sub(a: int, b: int) -> int:
    return a - b


@micropython.viper
def mul(a: int, b: int) -> int:
    return a * b


@micropython.viper
def and_(a: int, b: int) -> int:
    return a & b


@micropython.viper
def or_(a: int, b: int) -> int:
    return a | b


@micropython.viper
def xor(a: int, b: int) -> int:
    return a ^ b


@micropython.viper
def neg(a: int) -> int:
    return -a


@micropython.viper
def inv(a: int) -> int:
    return ~a


@micropython.viper
def slt(a: int, b: int) -> bool:
    return a < b


@micropython.viper
def ult(a: uint, b: uint) -> bool:
    return a < b


@micropython.viper
def sgt(a: int, b: int) -> bool:
    return a > b


@micropython.viper
def ugt(a: uint, b: uint) -> bool:
    return a > b


@micropython.viper
def seq(a: int, b: int) -> bool:
    return a == b


@micropython.viper
def ueq(a: uint, b: uint) -> bool:
    return a == b


@micropython.viper
def sle(a: int, b: int) -> bool:
    return a <= b


@micropython.viper
def ule(a: uint, b: uint) -> bool:
    return a <= b


@micropython.viper
def sge(a: int, b: int) -> bool:
    return a >= b


@micropython.viper
def uge(a: uint, b: uint) -> bool:
    return a >= b


@micropython.viper
def sne(a: int, b: int) -> bool:
    return a != b


@micropython.viper
def une(a: uint, b: uint) -> bool:
    return a != b


@micropython.viper
def load8(p: ptr8, i: int) -> int:
    return p[i]


@micropython.viper
def load16(p: ptr16, i: int) -> int:
    return p[i]


@micropython.viper
def load32(p: ptr32, i: int) -> int:
    return p[i]


@micropython.viper
def count(n: int) -> int:
    i = 0
    while i < n:
        i += 1
    return i


@micropython.viper
def branch(a: int) -> int:
    if a:
        return 1
    return 2


@micropython.viper
def objects(x) -> int:
    y = int(x)
    return y + 1


@micropython.viper
def many(a: int, b: int, c: int, d: int, e: int) -> int:
    return e
