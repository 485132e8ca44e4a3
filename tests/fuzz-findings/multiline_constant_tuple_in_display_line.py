# mpy-cross-args: -O0
# difffuzz seeds 2143, 2494: a constant tuple spanning lines, followed by another element of a display, takes the line of its first token in mpy-cross
j = (("a",
 1), j)
k = [("""a
b""", 1), k]
