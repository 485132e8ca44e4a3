# many default values (MAKE_FUNCTION_DEFARGS with a long tuple) and keyword overrides
def f(a=1, b=2, c=3, d=4, e=5, g=6, h=7, i=8, j=9, k=10, *, m=11, n=12):
    return [a, b, c, d, e, g, h, i, j, k, m, n]
print(f())
print(f(0, k=0, n=0))
