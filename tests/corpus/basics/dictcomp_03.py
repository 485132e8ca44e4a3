# dict comprehensions with conditional values and nested comprehension values
d = {k: ("even" if k % 2 == 0 else "odd") for k in range(5)}
print(d)
g = {k: [v for v in range(k)] for k in range(4)}
print(g)
words = "the quick brown the lazy the end".split()
counts = {w: words.count(w) for w in words}
print(counts)
