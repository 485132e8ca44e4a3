# mpy-cross-args: -O0
# difffuzz seeds 10567, 18327: a dict item whose key is a constant tuple spanning lines takes the line of the key's first token (the value is compiled first, on that line)
d = {("a",
 1, 2): 0}
e = {0: 1, ("""a
b""", None, 3): 2}
# difffuzz seed 32747: a key folded from an expression, after a multi-line value
f = {0: '''a
b''', 100000 * 100000: 1}
