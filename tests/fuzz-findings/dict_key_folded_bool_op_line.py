# mpy-cross-args: -O1
# difffuzz seed 64852 (fixed): a dict key that is a boolean operation on constants starting on an earlier line (`'''a\nb''' and (5)`) gets a different line than in mpy-cross
g = {0: 1, '''a
b''' and (5): 2}
