# mpy-cross -march=ARCH
# @native generator: throw() into a suspended generator, try/finally inside it, close()
import micropython

@micropython.native
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield 'caught %s' % e
    finally:
        print('gen finally')

it = g()
print(next(it))
print(it.throw(ValueError('x')))
it.close()
it2 = g()
print(next(it2), next(it2))
it2.close()
