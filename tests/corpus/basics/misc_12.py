# random with a fixed seed produces a deterministic sequence
import random
random.seed(12345)
a = [random.getrandbits(8) for _ in range(5)]
random.seed(12345)
b = [random.getrandbits(8) for _ in range(5)]
print(a == b, len(a))
random.seed(1)
print(0 <= random.randint(1, 6) - 1 < 6, 0.0 <= random.random() < 1.0)
