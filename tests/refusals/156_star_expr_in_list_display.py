# starred expression inside a list display (unpacking in displays unsupported)
t = [1]
x = [*t, 2]
