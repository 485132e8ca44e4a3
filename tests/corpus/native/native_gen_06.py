# mpy-cross -march=ARCH
# @native generator with try/finally around the yield, closed early by the consumer
import micropython

@micropython.native
def resource(n):
    print('open')
    try:
        for i in range(n):
            yield i
    finally:
        print('close')

for v in resource(5):
    if v == 2:
        break
    print('got', v)
g = resource(2)
print(list(g))
