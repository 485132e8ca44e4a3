# upper-case U string prefix
print(U"x")
