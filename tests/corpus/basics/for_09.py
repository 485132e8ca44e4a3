# for loop with else and return inside a loop inside a try
def find(xs, target):
    try:
        for i, x in enumerate(xs):
            if x == target:
                return i
        else:
            return -1
    finally:
        print("search done for", target)
print(find([4, 5, 6], 5), find([], 1))
