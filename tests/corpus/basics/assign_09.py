# module-level del of names (DELETE_NAME) and re-creation through globals()
a = 1
b = 2
del a
globals()["a"] = 10
print(a, b)
del b, a
print("a" in globals(), "b" in globals())
