# big integers as dict keys, in sets, and compared with small ints
big = 1 << 80
d = {big: "big", 1: "one"}
print(d[1 << 80], d[1])
s = {big, big + 0, 2 ** 80}
print(len(s))
print(big > 1, -big < -1, big == 2 ** 80, big != 2 ** 80 + 1)
print(max(3, big) == big, min(-big, 0) == -big)
print(divmod(big, 12345))
