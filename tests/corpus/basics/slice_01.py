# slicing lists with all combinations of start/stop/step (BUILD_SLICE)
l = list(range(10))
print(l[2:5], l[:3], l[7:], l[:], l[-3:], l[:-7])
print(l[::2], l[1::3], l[::-1], l[8:2:-2], l[-1:-4:-1])
a, b, c = 1, 8, 3
print(l[a:b:c], l[a:b], l[:b:c], l[a::c])
print(l[100:], l[-100:2], l[5:2])
class G:
    def __getitem__(self, k):
        return k
s = G()[1:6:2]
print(l[s], s.start, s.stop, s.step)
