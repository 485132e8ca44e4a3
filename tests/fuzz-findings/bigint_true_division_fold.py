# mpy-cross-args: -O0
# difffuzz seed 2416: folded true division of two big ints gives a different float (143696266402.26596 in mpy-cross)
x = 2650728250670188419001269759817 / 18446744073709551615
