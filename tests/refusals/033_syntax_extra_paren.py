# extra closing parenthesis
x = (1 + 2))
