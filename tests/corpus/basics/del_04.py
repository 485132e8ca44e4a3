# del of attributes via __delattr__ and items via __delitem__ with slices
class Log:
    def __delattr__(self, name):
        print("delattr", name)
    def __delitem__(self, key):
        if isinstance(key, slice):
            print("delitem slice", key.start, key.stop, key.step)
        else:
            print("delitem", key)
o = Log()
del o.anything
del o[3]
del o[1:2]
del o[::3]
del o["k"], o.x
