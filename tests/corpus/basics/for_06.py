# for loop modifying loop variable and iterating over reversed/sorted
for i in range(3):
    print(i)
    i = 100
print("after", i)
for v in reversed([1, 2, 3]):
    print(v, end=",")
print()
for v in sorted("banana"):
    print(v, end="")
print()
for i in range(3):
    for i in range(2):
        pass
print(i)
