# mpy-cross-args: -O0
# difffuzz seed 627511: a comprehension that folding put in place of `"a" and (...)` keeps the longer
# expression's start; its scope's line is still its own first token's (inside its own brackets)
obj = {"""a
b""" and ((5 for a in d)): 1 for x in j}
obj = {"a" and (
[5 for a in d]): 1 for x in y}
x = {"""a
b""" and ( ( (v
 for v in w) ) ): 2 for y in z}
f("a" and (
(5 for a in d)))
