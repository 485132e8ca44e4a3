# for/else with break, nested for loops, enumerate and zip
def find_pair(nums, target):
    for i, a in enumerate(nums):
        for j, b in enumerate(nums):
            if i < j and a + b == target:
                return i, j
    return None
print(find_pair([1, 4, 6, 9], 10), find_pair([1, 2], 10))
for n in (7, 9):
    for d in range(2, n):
        if n % d == 0:
            print(n, "composite")
            break
    else:
        print(n, "prime")
for x, y in zip("abc", range(10)):
    print(x, y)
