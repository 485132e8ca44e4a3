# conditional expressions containing boolean operators and comparisons
def classify(a, b):
    return "both" if a and b else "one" if a or b else "none"
print(classify(1, 1), classify(1, 0), classify(0, 0))
def rng(v):
    return "in" if 0 <= v < 10 else "out"
print(rng(5), rng(10), rng(-1))
