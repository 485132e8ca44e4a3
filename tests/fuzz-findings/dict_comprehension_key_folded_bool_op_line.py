# mpy-cross-args: -O2
# difffuzz seed 92750: a dict comprehension's key folded to a later operand on a later line; the item's line
# (and the comprehension's) is its first token's
squares = {'''one
two''' and 5: n for n in range(3)}
pairs = {('''one
two''') and (7): n * n for n in range(2)}
print(squares, pairs)
