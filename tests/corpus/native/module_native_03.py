# mpy-cross -march=ARCH -X emit=native
# whole module native: exceptions at module level and in functions
def check(x):
    if x < 0:
        raise ValueError('negative')
    return x

results = []
for v in (1, -1, 2):
    try:
        results.append(check(v))
    except ValueError as e:
        results.append(str(e))
    finally:
        results.append('.')
print(results)
try:
    {}['missing']
except KeyError as e:
    print('KeyError', e)
