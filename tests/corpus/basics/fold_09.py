# shift folding: shifts by large amounts become big ints, negative values shift arithmetically
print(1 << 62, 1 << 63, 1 << 64, 3 << 100)
print(-1 >> 1, -1 >> 100, -5 >> 1, (1 << 100) >> 99)
print(0xFFFFFFFF >> 16, 0x7FFFFFFF << 1)
