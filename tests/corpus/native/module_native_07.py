# mpy-cross -march=ARCH -X emit=native
# whole module native: global statement, del of globals, import forms
import math
from math import sqrt as root

counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump(); bump()
tmp = 'gone'
del tmp
print(counter, root(16), math.floor(2.7), 'tmp' in globals())
