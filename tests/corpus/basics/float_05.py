# special float values: inf, nan comparisons and arithmetic
inf = float("inf")
nan = float("nan")
print(inf, -inf, inf + 1, inf * 0 != inf * 0)
print(nan == nan, nan != nan, nan < 1, nan > 1)
print(inf > 1e308, -inf < -1e308)
print(max(1.0, inf), min(-inf, 0.0))
print(1e308 * 10, -1e308 * 10)
import math
print(math.isfinite(1.0) if hasattr(math, "isfinite") else True)
