# multi-line expressions and statements spanning many lines
total = (1 +
         2 +
         3)
print(total)
lst = [
    1,
    2,
    3,
]
print(lst)
def f(
    a,
    b=2,
):
    return (
        a
        *
        b
    )
print(f(
    5
))
s = "a" \
    "b"
print(s)
