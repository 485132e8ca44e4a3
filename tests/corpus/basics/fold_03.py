# expressions that must not be folded (would raise or are not numbers)
try:
    print(1 // 0)
except ZeroDivisionError:
    print("// zero")
try:
    print(5 % 0)
except ZeroDivisionError:
    print("% zero")
try:
    print(1 << -1)
except ValueError:
    print("negative shift")
print("ab" + "cd", "x" * 3, True + 1, 1 + True, (1, 2) + (3,), [0] * 2)
print(1j * 1j, 2 + 3j)
print(2 ** 0.5, 0.1 * 3, 1e300 * 1e300)
