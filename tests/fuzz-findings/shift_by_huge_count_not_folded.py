# mpy-cross-args: -O0
# difffuzz seed 349: a shift by a count that does not fit in 64 bits is not folded by mpy-cross (the fold overflows)
a = 5 >> 9223372036854775808
b = -5 >> 2294735414004235548162786031243
c = 0 << 9223372036854775808
