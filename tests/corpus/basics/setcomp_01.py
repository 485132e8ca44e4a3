# set comprehensions and set displays (BUILD_SET)
s = {x % 4 for x in range(20)}
print(sorted(s))
print(sorted({c for c in "mississippi"}))
t = {1, 2, 3}
u = {3, 4}
print(sorted(t | u), sorted(t & u), sorted(t - u), sorted(t ^ u))
print(sorted(list(t) + list(u) + [9]))
print(set() == set([]), len({1, 1, 1}))
print({i * j for i in range(3) for j in range(3) if i != j} == {0, 2})
