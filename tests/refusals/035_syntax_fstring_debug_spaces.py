# f-string self-documenting field with spaces around '='
x = 1
print(f"{x = }")
