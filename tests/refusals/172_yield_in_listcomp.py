# 'yield' inside a list comprehension at module level
x = [(yield i) for i in range(3)]
