# for loops over range forms (GET_ITER_STACK / FOR_ITER)
for i in range(3):
    print(i)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(5, 5):
    print("never")
else:
    print("empty range, else ran")
total = 0
for i in range(1, 101):
    total += i
print(total)
print(list(range(-2, 3)), list(range(0, 10, 4)))
