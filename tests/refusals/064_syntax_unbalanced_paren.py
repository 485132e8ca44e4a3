# unbalanced parenthesis
print((1, 2)
