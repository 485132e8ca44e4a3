# f-strings across lines and in functions/closures
def greet(who, times=2):
    return f"{who}! " * times
print(greet("hi"))
def make(prefix):
    def inner(v):
        return f"[{prefix}:{v}]"
    return inner
print(make("p")(5))
data = {"k": "v"}
print(f"{data['k']}" f'{data["k"]}')
msg = (f"line one {1}"
       f" line two {2}")
print(msg)
print(f"{3!r:>4}")
