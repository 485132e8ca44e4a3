# math.<name> constants folded even without import, and not/or folding
print(not 1, not 0, not "x" if False else True)
print(0 or 7, 5 and 6, None or 0 or 1)
import math
print(math.pi * 2, math.e + 0)
print(-math.inf if hasattr(math, "inf") else "no inf")
