# f-string with an unclosed replacement field
x = 1
print(f"{x")
