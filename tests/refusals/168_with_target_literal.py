# with statement binding to a literal
with open("x") as 1:
    pass
