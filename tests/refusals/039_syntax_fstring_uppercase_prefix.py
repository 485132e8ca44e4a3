# f-string with an upper-case F prefix
n = 1
print(F"value {n}")
