# generator expression consumed partly then exhausted, and used twice
g = (n * 3 for n in range(5))
print(next(g), next(g))
print(list(g), list(g))
nums = [1, 2, 3]
g2 = (n for n in nums)
nums.append(4)
print(list(g2))
