x = (1,
     2)
if x:
    print(x)
    foo() = 3
