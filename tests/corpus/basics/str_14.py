# join, multiplication and slicing to build text art deterministically
for i in range(1, 5):
    print(" " * (4 - i) + "*" * (2 * i - 1))
print("\n".join("-".join(str(j) for j in range(i)) for i in range(1, 4)))
