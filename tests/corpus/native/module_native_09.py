# mpy-cross -march=ARCH -X emit=native
# whole module native: module-level try/except/finally and with
class Res:
    def __enter__(self):
        print('acquire')
        return self
    def __exit__(self, t, v, tb):
        print('release', t is not None)
        return True

try:
    with Res():
        raise RuntimeError('inside')
    print('after with')
finally:
    print('module finally')
