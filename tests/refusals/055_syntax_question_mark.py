# a question mark token
x = a ? b : c
