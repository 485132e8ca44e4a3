# float arithmetic and math functions
import math
print(math.sqrt(2))
print(math.pi, math.e)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(2.7))
print(math.fabs(-3.0), math.pow(2, 0.5))
print(math.sin(0.0), math.cos(0.0))
print(math.isnan(float("nan")), math.isinf(1e308 * 10))
print(round(2.675, 2), round(0.5), round(1.5), round(2.5))
print(math.log(math.e), math.exp(0))
