# conditional expression producing functions that are then called
def inc(x): return x + 1
def dec(x): return x - 1
for flag in (True, False):
    print((inc if flag else dec)(10))
print([(str if i % 2 else repr)("s") for i in range(2)])
