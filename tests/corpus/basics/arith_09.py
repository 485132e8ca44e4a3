# integer ops at the small-int boundary in loops (overflow into big ints at run time)
x = 1
for _ in range(35):
    x *= 2
print(x)
y = 1073741823
print(y + 1, y * y, -y - 2)
z = -1073741824
print(z - 1, z * -1, abs(z))
print((1 << 30) - 1 == 1073741823, 1073741823 + 1 == 1 << 30)
