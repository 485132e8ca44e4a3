# mpy-cross -march=ARCH
# @native except clauses with tuples of types and a bare except
import micropython

@micropython.native
def classify(x):
    try:
        if x == 0:
            raise KeyError('k')
        if x == 1:
            raise IndexError('i')
        if x == 2:
            raise OSError(5)
        return 1 / (x - 3)
    except (KeyError, IndexError) as e:
        return 'lookup ' + type(e).__name__
    except OSError as e:
        return 'os %d' % e.args[0]
    except:
        return 'other'

print([classify(x) for x in range(5)])
