# starred expression inside a set display
t = [1]
s = {*t}
