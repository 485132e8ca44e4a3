# multi-module program: a circular import resolved at call time
import alpha
print(alpha.ping(3))
