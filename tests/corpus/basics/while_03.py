# while loop with continue, complex conditions and list mutation
stack = [1, 2, 3, 4, 5, 6]
out = []
while stack:
    v = stack.pop()
    if v % 2:
        continue
    out.append(v)
print(out)
a, b = 48, 18
while b:
    a, b = b, a % b
print("gcd", a)
x = 27
steps = 0
while x != 1 and steps < 1000:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz steps", steps)
