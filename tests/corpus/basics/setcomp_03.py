# set comprehension inside function with closure variable
def uniq_mod(xs, m):
    return sorted({x % m for x in xs})
print(uniq_mod(range(50), 7), uniq_mod([10, 20, 30], 4))
def pairs(n):
    return sorted({(min(a, b), max(a, b)) for a in range(n) for b in range(n) if a != b})
print(pairs(3))
