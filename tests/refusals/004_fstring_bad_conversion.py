# f-string with an invalid conversion character
x = 1
print(f"{x!z}")
