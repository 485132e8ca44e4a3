# walrus in while loop reading chunks and in a lambda body
chunks = iter(["ab", "cd", ""])
out = []
while chunk := next(chunks):
    out.append(chunk.upper())
print(out)
f = lambda v: (w := v + 1) * w
print(f(3))
