# while True loops (condition compiled away) exited by break and return
def find(lst, v):
    i = 0
    while True:
        if i >= len(lst):
            return -1
        if lst[i] == v:
            return i
        i += 1
print(find([5, 6, 7], 7), find([5], 9))
k = 0
while 1:
    k += 1
    if k > 4:
        break
print(k)
while False:
    print("never")
print("done")
