# while loops whose conditions call functions and use walrus
data = [5, 3, 0, 7]
pos = 0
def nxt():
    global pos
    v = data[pos]
    pos += 1
    return v
while (v := nxt()) != 0:
    print("got", v)
print("stopped at", pos)
