# mpy-cross -march=ARCH -X emit=native
# whole module native: module-level loops, arithmetic and prints
total = 0
for i in range(10):
    if i % 3 == 0:
        continue
    total += i * i
print('total', total)
words = ['alpha', 'beta', 'gamma']
print([w.upper() for w in words], len(words))
