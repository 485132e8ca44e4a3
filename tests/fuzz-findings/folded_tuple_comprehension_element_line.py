# mpy-cross-args: -O0
# difffuzz seed 18174: a comprehension whose element is a constant tuple spanning lines takes the line of the element's first token
x = {("a",
 1, 2) for i in y}
z = [("""a
b""", None, 3) for i in y]
