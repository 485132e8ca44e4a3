# membership test via __contains__ and __iter__ fallbacks
class Cont:
    def __contains__(self, item):
        return item % 2 == 0
class It:
    def __iter__(self):
        return iter([5, 6, 7])
print(4 in Cont(), 3 in Cont(), 3 not in Cont())
print(6 in It(), 8 in It(), 8 not in It())
d = {"a": 1}
print("a" in d, 1 in d, 1 in d.values(), ("a", 1) in d.items())
