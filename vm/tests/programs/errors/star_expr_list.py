x = [*a]
y = *a
