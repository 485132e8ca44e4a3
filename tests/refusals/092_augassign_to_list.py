# augmented assignment to a list display
[a] += [1]
