# Functions for the assembler replay test beyond x64/x86 (see scripts/gen-asm-replay-fixtures.py):
# shifts by a register, immediates of every size, qstr and constant tables indexed past the short
# encodings, and branches longer than 4 KiB in both directions.
import micropython


@micropython.viper
def shl(a: int, b: int) -> int:
    return a << b


@micropython.viper
def sar(a: int, b: int) -> int:
    return a >> b


@micropython.viper
def shr(a: uint, b: uint) -> uint:
    return a >> b


@micropython.viper
def imm0() -> int:
    return 0


@micropython.viper
def imm1() -> int:
    return 255


@micropython.viper
def imm2() -> int:
    return 256


@micropython.viper
def imm3() -> int:
    return 1000


@micropython.viper
def imm4() -> int:
    return 65280


@micropython.viper
def imm5() -> int:
    return 65536


@micropython.viper
def imm6() -> int:
    return 70000


@micropython.viper
def imm7() -> int:
    return 305419896


@micropython.viper
def imm8() -> int:
    return 1073741823


@micropython.viper
def imm9() -> int:
    return -1


@micropython.viper
def imm10() -> int:
    return -5


@micropython.viper
def imm11() -> int:
    return -256


@micropython.viper
def imm12() -> int:
    return -100000


@micropython.viper
def imm13() -> int:
    return -1073741824


@micropython.native
def names():
    return [
        name0, name1, name2, name3, name4, name5, name6, name7, name8, name9,
        name10, name11, name12, name13, name14, name15, name16, name17, name18, name19,
        name20, name21, name22, name23, name24, name25, name26, name27, name28, name29,
        name30, name31, name32, name33, name34, name35, name36, name37, name38, name39,
        name40, name41, name42, name43, name44, name45, name46, name47, name48, name49,
        name50, name51, name52, name53, name54, name55, name56, name57, name58, name59,
        name60, name61, name62, name63, name64, name65, name66, name67, name68, name69,
        name70, name71, name72, name73, name74, name75, name76, name77, name78, name79,
        name80, name81, name82, name83, name84, name85, name86, name87, name88, name89,
        name90, name91, name92, name93, name94, name95, name96, name97, name98, name99,
        name100, name101, name102, name103, name104, name105, name106, name107, name108, name109,
        name110, name111, name112, name113, name114, name115, name116, name117, name118, name119,
        name120, name121, name122, name123, name124, name125, name126, name127, name128, name129,
        name130, name131, name132, name133, name134, name135, name136, name137, name138, name139,
        name140, name141, name142, name143, name144, name145, name146, name147, name148, name149,
        name150, name151, name152, name153, name154, name155, name156, name157, name158, name159,
        name160, name161, name162, name163, name164, name165, name166, name167, name168, name169,
        name170,
        name180,
        name190,
    ]


@micropython.native
def floats():
    return [
        0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5,
        10.5, 11.5, 12.5, 13.5, 14.5, 15.5, 16.5, 17.5, 18.5, 19.5,
        20.5, 21.5, 22.5, 23.5, 24.5, 25.5, 26.5, 27.5, 28.5, 29.5,
        30.5, 31.5, 32.5, 33.5, 34.5, 35.5, 36.5, 37.5, 38.5, 39.5,
        40.5, 41.5, 42.5, 43.5, 44.5, 45.5, 46.5, 47.5, 48.5, 49.5,
        50.5, 51.5, 52.5, 53.5, 54.5, 55.5, 56.5, 57.5, 58.5, 59.5,
        60.5, 61.5, 62.5, 63.5, 64.5, 65.5, 66.5, 67.5, 68.5, 69.5,
        70.5, 71.5, 72.5, 73.5, 74.5, 75.5, 76.5, 77.5, 78.5, 79.5,
        80.5, 81.5, 82.5, 83.5, 84.5, 85.5, 86.5, 87.5, 88.5, 89.5,
        90.5, 91.5, 92.5, 93.5, 94.5, 95.5, 96.5, 97.5, 98.5, 99.5,
        100.5, 101.5, 102.5, 103.5, 104.5, 105.5, 106.5, 107.5, 108.5, 109.5,
        110.5, 111.5, 112.5, 113.5, 114.5, 115.5, 116.5, 117.5, 118.5, 119.5,
    ]


@micropython.native
def far(n):
    if n:
        n = 1
    else:
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
    while n:
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
        print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n); print(n, n, n, n, n, n, n, n)
    return n
