# slices on tuples and strings with negative and computed bounds
t = tuple(range(10))
n = len(t)
print(t[n // 2:], t[:-n // 2], t[1:-1], t[-2:])
s = "slicing"
for i in range(0, len(s), 3):
    print(s[i:i + 3])
print(s[:0], s[len(s):], s[-100:100])
print(list(range(10))[::3], list(range(10))[-1:0:-4])
