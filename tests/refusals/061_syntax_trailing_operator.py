# expression ending with an operator
x = 1 +
