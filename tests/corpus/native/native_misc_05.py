# mpy-cross -march=ARCH
# @native: augmented assignment on subscripts and attributes (dup_top_two, rot_three)
import micropython

class C:
    pass

@micropython.native
def bump(d, lst, obj):
    d['k'] += 5
    lst[1] *= 3
    obj.v -= 2
    lst[0] <<= 2
    return d, lst, obj.v

o = C()
o.v = 10
print(bump({'k': 1}, [1, 2], o))
