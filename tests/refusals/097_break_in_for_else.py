# 'break' in a for-else clause with no enclosing loop
def f():
    for i in range(2):
        pass
    else:
        break
