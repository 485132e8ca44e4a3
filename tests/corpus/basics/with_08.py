# with statement where __enter__ returns a different object and nested exceptions in body
class Res:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        return {"tag": self.tag}
    def __exit__(self, et, ev, tb):
        print("exit", self.tag, et.__name__ if et else None)
        return et is KeyError
with Res("one") as info:
    print(info["tag"])
with Res("two"):
    {}["missing"]
print("after suppressed KeyError")
try:
    with Res("three"):
        raise IndexError
except IndexError:
    print("IndexError escaped")
