# constant boolean operators folded by the parser
A = 0 or 5
B = 1 and 7
C = not 0
D = not 3
E = 1 or undefined_name
print(A, B, C, D, E)
print(True and 2, False or 3)
x = 0
print(x or 8, x and 8)
