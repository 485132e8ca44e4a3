# float arithmetic results printed with MicroPython repr
print(1 / 3, 2 / 3, 10 / 3, 1 / 7)
print(0.1 * 3, 0.7 + 0.1, 100 * 1.1)
print(3.0 * 1.1, 1e-5 * 3, 12.5 / 100)
print(2 ** 0.5 * 2 ** 0.5, 9 ** 0.5, 27 ** (1 / 3))
print(sum([0.1] * 10), round(sum([0.1] * 10), 10))
