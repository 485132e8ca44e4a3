# comparison of sequences, tuples lexicographic, mixed-type errors
print((1, 2) < (1, 3), [1, 2] < [1, 2, 0], (2,) > (1, 9))
print([1, [2, 3]] == [1, [2, 3]], (1, 2) == [1, 2])
print("abc" == "abc", b"a" == b"a")
try:
    print(1 < "x")
except TypeError:
    print("TypeError")
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
