# return statement in a lambda body
f = lambda: return 1
