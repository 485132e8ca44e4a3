# augmented assignment evaluates the target expression only once
calls = []
def idx(i):
    calls.append(i)
    return i
lst = [10, 20, 30]
lst[idx(1)] += 5
print(lst, calls)
class O:
    def __init__(self):
        self.n = 0
def get(o):
    calls.append("get")
    return o
o = O()
get(o).n += 3
print(o.n, calls)
