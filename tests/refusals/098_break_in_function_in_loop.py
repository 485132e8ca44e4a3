# 'break' inside a function nested in a loop still counts as outside loop
for i in range(3):
    def f():
        break
