# mpy-cross-args: -O0
# difffuzz seed 11: a generator expression whose element is a folded constant gets the line of that element
x = 1

y = (-5 for c in z)
w = [1 + 1 for c in z]
