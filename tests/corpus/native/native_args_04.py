# mpy-cross -march=ARCH
# @native **kwargs collection and forwarding to another function
import micropython

def show(**kw):
    return sorted(kw.items())

@micropython.native
def forward(prefix, **kw):
    kw2 = {}
    for k in kw:
        kw2[prefix + k] = kw[k]
    return show(**kw2)

print(forward('x_', a=1, b=2))
