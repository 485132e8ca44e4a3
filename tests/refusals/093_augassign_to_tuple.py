# augmented assignment to a tuple target
a, b += 1, 2
