# 'break' at module level
x = 1
break
