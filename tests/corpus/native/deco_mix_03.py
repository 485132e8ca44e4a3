# mpy-cross -march=ARCH
# decorators: native methods mixed with bytecode ones in a class, properties around native getters
import micropython

class P:
    def __init__(self, v):
        self._v = v
    @property
    @micropython.native
    def v(self):
        return self._v * 10
    @micropython.bytecode
    def raw(self):
        return self._v

p = P(4)
print(p.v, p.raw())
