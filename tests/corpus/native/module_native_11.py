# mpy-cross -march=ARCH -X emit=native
# whole module native: string formatting, f-strings and str methods at module level
name = 'native'
n = 3
print(f'{name}:{n:03d}', '%s-%d' % (name, n), '{}+{}'.format(n, n))
print(name.upper().center(12, '*'), name[::-1], ','.join([name] * 2))
