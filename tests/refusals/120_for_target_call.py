# for loop with a call as target
for f() in range(3):
    pass
