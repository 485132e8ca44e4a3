# 'return' at module level
print("start")
return 5
