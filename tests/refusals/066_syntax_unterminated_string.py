# unterminated single-quoted string
s = "abc
print(s)
